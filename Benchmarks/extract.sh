#!/usr/bin/env bash
# Extractor benchmark (issue 3): Pantau's analyse+match and full extraction on the peer
# corpus's big.txt with 1k and 10k watch phrases, single thread, release build; then the
# Python peer's extractor (bench.py --sections extract) in the same run.
#   Benchmarks/extract.sh [CORPUS_DIR]     (default /tmp/pbench; built with make_corpus.py)
# Env: RUNS (default 3), PEER=0 to skip the Python peer, VENV (default /tmp/peervenv).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-/tmp/pbench}
CORPUS=$WORK/corpus
RUNS=${RUNS:-3}
PEERS=../shared/peers
if [ ! -f "$CORPUS/big.txt" ]; then
  mkdir -p "$WORK"
  python3 "$PEERS/make_corpus.py" "$CORPUS"
fi
swift build -c release --build-path .build-release --product PantauBench >/dev/null
BENCH=.build-release/release/PantauBench
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
for list in watchlist.txt watchlist_10k.txt; do
  for mode in analyse full daemon; do
    taskset -c 0 "$BENCH" "$CORPUS/big.txt" "$CORPUS/$list" "$mode" "$RUNS"
  done
done
if [ "${PEER:-1}" != 0 ]; then
  VENV=${VENV:-/tmp/peervenv}
  taskset -c 0 "$VENV/bin/python" "$PEERS/bench.py" "$CORPUS" --runs 1 --sections extract 2>&1 | grep -E "extract (no)?stem"
fi
