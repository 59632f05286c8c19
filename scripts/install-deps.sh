#!/usr/bin/env bash
# Installs the Debian packages Pantau builds against, if any are missing, and the two the
# tests use: nghttp2-server (nghttpd, an HTTP/2 server over TLS) and openssl (its throw-away
# certificate). Needs root or sudo. Safe to run repeatedly.
set -euo pipefail
packages=(libcurl4-openssl-dev libxml2-dev libsqlite3-dev pkg-config nghttp2-server openssl)
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
