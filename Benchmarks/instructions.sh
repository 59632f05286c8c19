#!/usr/bin/env bash
# Counts the user-space instructions of one cold `pantau run --once` over the peer corpus,
# with valgrind's callgrind: the same build gives the same count within a few hundredths of
# a per cent, however busy the machine is, so two builds can be compared where wall times
# (which move by a tenth within minutes on a shared 2-core machine) cannot tell them apart.
# It is not a speed: cache misses, lock waits and the kernel are not in it.
#
#   Benchmarks/instructions.sh /tmp/pantau-bench [BINARY]   # PORT=18095
#
# Uses the corpus and config that Benchmarks/poll.sh made in that directory (run it once
# first). BINARY defaults to a fresh release build. Writes callgrind.out there: open it with
# `callgrind_annotate --inclusive=yes callgrind.out | swift demangle` for where they go.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
PEERS=${PEERS:-$REPO/../shared/peers}
WORK=$(cd "${1:-/tmp/pantau-bench}" && pwd)
PORT=${PORT:-18095}
C=$WORK/corpus
[ -f "$C/manifest.json" ] || { echo "no corpus in $C: run Benchmarks/poll.sh $WORK first" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "installing valgrind" >&2; apt-get install -y -qq valgrind >/dev/null; }

BINARY=${2:-}
if [ -z "$BINARY" ]; then
  (cd "$REPO" && swift build -c release --static-swift-stdlib --product pantau >/dev/null)
  BINARY=$REPO/.build/release/pantau
fi
# valgrind cannot read the DWARF of a binary with the Swift runtime linked in; the symbol
# table is enough for function names.
RUN=$WORK/instructions
rm -rf "$RUN" && mkdir -p "$RUN"
strip --strip-debug -o "$RUN/pantau" "$BINARY"
python3 "$HERE/make_config.py" "$C" "http://127.0.0.1:$PORT" "$RUN/config" >/dev/null
python3 "$PEERS/make_corpus.py" "$C" --set-round 0 >/dev/null
"$PEERS/serve.sh" start "$C" "$PORT" "$RUN/server" >/dev/null
trap '"$PEERS/serve.sh" stop "$RUN/server" >/dev/null 2>&1 || true' EXIT
(cd "$RUN/config" && valgrind --tool=callgrind --callgrind-out-file="$WORK/callgrind.out" "$RUN/pantau" run --once \
  --config pantau.toml --log-level error 2>&1 | grep -E "polled|I +refs")
