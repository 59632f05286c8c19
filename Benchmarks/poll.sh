#!/usr/bin/env bash
# Poll benchmark: Pantau against the Python peer on the same corpus, in the same run.
#
#   Benchmarks/poll.sh [WORKDIR]        (default /tmp/pantau-bench)
#
# Builds Pantau (release), builds the peer corpus (../shared/peers/make_corpus.py: 1000 RSS
# feeds x 20 items, 42 MB) once, serves it with nginx on 127.0.0.1:$PORT, and for each of
# $RUNS runs times three `pantau run --once` polls with a fresh state: poll 1 (cold, all
# 200), poll 2 (all 304), poll 3 (after --set-round 1: 10% of feeds gained 2 items). With a
# peer venv at $VENV (see ../shared/peers/README.md) it times peer_poll.py the same way.
# Prints a Markdown table of medians (min-max): wall s, CPU s, peak RSS MB.
#
# Also times the fetch-only benchmark mode (`pantau run --once --fetch-only`: transfer and
# classify, no parsing) against curl. FEEDS=10000 builds and uses a 10,000-feed corpus.
#
# Env: RUNS=3 PORT=18090 VENV=/tmp/peervenv PEER=1 (0 skips the peer) PEER_WORKERS=2 FEEDS=1000
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$REPO/../shared/peers}
WORK=${1:-/tmp/pantau-bench}
RUNS=${RUNS:-3}
PORT=${PORT:-18090}
VENV=${VENV:-/tmp/peervenv}
PEER=${PEER:-1}
PEER_WORKERS=${PEER_WORKERS:-2}
FEEDS=${FEEDS:-1000}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)
C=$WORK/corpus
RES=$WORK/results
mkdir -p "$RES"

command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "installing nginx-light" >&2; apt-get install -y -qq nginx-light >/dev/null; }
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null

echo "building pantau (release)" >&2
(cd "$REPO" && swift build -c release --static-swift-stdlib --product pantau >/dev/null)
PANTAU=$REPO/.build/release/pantau

if [ ! -f "$C/manifest.json" ]; then
  echo "building corpus in $C (about 80 s)" >&2
  python3 "$PEERS/make_corpus.py" "$C" --feeds "$FEEDS" >/dev/null
fi
python3 "$HERE/make_config.py" "$C" "http://127.0.0.1:$PORT" "$WORK/pantau" >&2

"$PEERS/serve.sh" start "$C" "$PORT" "$WORK/server" >/dev/null
trap '"$PEERS/serve.sh" stop "$WORK/server" >/dev/null 2>&1 || true; python3 "$PEERS/make_corpus.py" "$C" --set-round 0 >/dev/null' EXIT

measure() {  # measure NAME CMD... : appends "wall cpu rssKB" to $RES/NAME and keeps stdout
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$RES/$name.t" "$@" > "$RES/$name.out" 2> "$RES/$name.err"
  awk '{printf "%s %.2f %d\n", $1, $2 + $3, $4}' "$RES/$name.t" >> "$RES/$name"
}

rm -f "$RES"/pantau_p* "$RES"/peer_p* "$RES"/curl_p* "$RES"/pantaufetch_p*
sed "s#^#url = \"http://127.0.0.1:$PORT/#; s#\$#\"\\noutput = \"/dev/null\"#" "$C/feeds.txt" > "$WORK/curl.conf"
for r in $(seq "$RUNS"); do
  echo "run $r/$RUNS" >&2
  python3 "$PEERS/make_corpus.py" "$C" --set-round 0 >/dev/null
  rm -rf "$WORK/pantau/state" "$WORK/pantau/alerts.jsonl"
  for p in 1 2 3; do
    [ "$p" = 3 ] && python3 "$PEERS/make_corpus.py" "$C" --set-round 1 >/dev/null
    measure "pantau_p$p" "$PANTAU" run --once --config "$WORK/pantau/pantau.toml" --log-level error
  done
  # The floor: curl itself fetching every feed (64 in parallel, keep-alive), nothing parsed,
  # and Pantau's fetch-only benchmark mode doing the same from an empty state.
  python3 "$PEERS/make_corpus.py" "$C" --set-round 0 >/dev/null
  measure curl_p1 curl -s --parallel --parallel-max 64 --config "$WORK/curl.conf"
  rm -rf "$WORK/pantau/state" "$WORK/pantau/alerts.jsonl"
  measure pantaufetch_p1 "$PANTAU" run --once --fetch-only --config "$WORK/pantau/pantau.toml" --log-level error
  rm -rf "$WORK/pantau/state" "$WORK/pantau/alerts.jsonl"
  if [ "$PEER" = 1 ] && [ -x "$VENV/bin/python" ]; then
    python3 "$PEERS/make_corpus.py" "$C" --set-round 0 >/dev/null
    rm -rf "$WORK/peer"; mkdir -p "$WORK/peer"
    for p in 1 2 3; do
      [ "$p" = 3 ] && python3 "$PEERS/make_corpus.py" "$C" --set-round 1 >/dev/null
      measure "peer_p$p" "$VENV/bin/python" "$PEERS/peer_poll.py" --base "http://127.0.0.1:$PORT/" \
        --list "$C/feeds.txt" --watch "$C/watchlist.txt" --state "$WORK/peer" --out "$WORK/peer/alerts.jsonl" \
        --workers "$PEER_WORKERS"
    done
  fi
done

python3 - "$RES" <<'PY'
import os, statistics, sys
res = sys.argv[1]
def row(name):
    path = os.path.join(res, name)
    if not os.path.exists(path):
        return None
    runs = [tuple(float(x) for x in line.split()) for line in open(path)]
    cols = list(zip(*runs))
    fmt = lambda v, d: "%.*f (%.*f–%.*f)" % (d, statistics.median(v), d, min(v), d, max(v))
    return fmt(cols[0], 2), fmt(cols[1], 2), fmt([x / 1024 for x in cols[2]], 0), len(runs)
labels = {1: "poll 1: cold (all 200)", 2: "poll 2: all 304", 3: "poll 3: 10% of feeds changed"}
print("| poll | program | wall s | CPU s | peak RSS MB | runs | last output |")
print("|---|---|---|---|---|---|---|")
for p in (1, 2, 3):
    for prog in ("pantau", "peer", "pantaufetch", "curl"):
        r = row("%s_p%d" % (prog, p))
        if r is None:
            continue
        out = open(os.path.join(res, "%s_p%d.out" % (prog, p))).read().strip().splitlines()
        last = out[0] if prog.startswith("pantau") and out else (out[-1][:120] if out else "fetch only, no parsing")
        print("| %s | %s | %s | %s | %s | %d | %s |" % (labels[p], prog, r[0], r[1], r[2], r[3], last.replace("|", "/")))
PY
