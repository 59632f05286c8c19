#!/usr/bin/env bash
# Rule evaluation and story clustering cost (issue 7): the full extractor alone, with the
# corpus's 1,000 phrases as plain lists, and with the phrases spread over 200 watch lists (near
# rules, frame conditions, boosts) and story tracking of every alert; one core, release build.
# After one warm-up pass the three modes take turns RUNS times (default 5); medians.
#   Benchmarks/rules.sh [CORPUS_WORK_DIR] [MB]     (defaults /tmp/pbench, the first 5 MB of big.txt)
# Env: RUNS=5; NONEAR=1 drops the near rules, NOCOND=1 the frame conditions (to see their cost).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-/tmp/pbench}
MB=${2:-5}
CORPUS=$WORK/corpus
[ -f "$CORPUS/big.txt" ] || { mkdir -p "$WORK"; python3 ../shared/peers/make_corpus.py "$CORPUS" >/dev/null; }
head -c $((MB * 1000000)) "$CORPUS/big.txt" > "$WORK/big-${MB}mb.txt"
swift build -c release --build-path .build-release --product PantauBench >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
taskset -c 0 .build-release/release/PantauBench rules "$WORK/big-${MB}mb.txt" "$CORPUS/watchlist.txt" "${RUNS:-5}"
