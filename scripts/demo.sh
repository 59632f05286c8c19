#!/usr/bin/env bash
# The demo: install build dependencies, build Pantau (release), and poll the bundled demo
# feed (seeds/feed.xml, the founding article plus unrelated news) once with the sample
# config. Alerts go to .demo/alerts.jsonl; running it again appends nothing new.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --static-swift-stdlib --product pantau 2>&1 | tail -n 1
.build/release/pantau run --once --config etc/pantau/pantau.toml \
  --state-dir .demo/state --alerts-log .demo/alerts.jsonl --log-level warning
