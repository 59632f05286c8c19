#!/usr/bin/env bash
# Feed parsing benchmark (issue 5): Pantau's parser (XML, adapter, HTML → text) over the peer
# corpus's 1,000 feeds on one core, peak memory for one 20 MB feed, and Python's feedparser on
# the same files in the same run.
#   Benchmarks/parse.sh [CORPUS_WORK_DIR]    (default /tmp/pbench; built with make_corpus.py)
# Env: RUNS (default 5), PEER=0 skips feedparser, VENV (default /tmp/peervenv).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${1:-/tmp/pbench}
CORPUS=$WORK/corpus
PEERS=../shared/peers
[ -d "$CORPUS/feeds" ] || { mkdir -p "$WORK"; python3 "$PEERS/make_corpus.py" "$CORPUS" >/dev/null; }
swift build -c release --build-path .build-release --product PantauBench >/dev/null
BENCH=.build-release/release/PantauBench
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
taskset -c 0 "$BENCH" parse "$CORPUS/feeds" "${RUNS:-5}"
python3 - "$CORPUS" "$WORK/big-feed.xml" <<'PY'
import glob, sys
files = sorted(glob.glob(sys.argv[1] + "/feeds/*.xml"))[:500]
items = []
for f in files:
    t = open(f, encoding="utf-8").read()
    items.append(t[t.index("<item>"):t.rindex("</item>") + 7])
head = open(files[0], encoding="utf-8").read()
open(sys.argv[2], "w", encoding="utf-8").write(head[:head.index("<item>")] + "\n".join(items) + "\n</channel></rss>\n")
PY
"$BENCH" parse-memory "$WORK/big-feed.xml"
if [ "${PEER:-1}" != 0 ]; then
  taskset -c 0 "${VENV:-/tmp/peervenv}/bin/python" "$PEERS/bench.py" "$CORPUS" --runs 1 --sections parse 2>&1 | grep -E "^parse:"
fi
