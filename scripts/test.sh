#!/usr/bin/env bash
# Installs build dependencies if missing, then runs the whole test suite (debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build --build-tests
swift test --skip-build
