#!/usr/bin/env bash
# Fuzzes the extractor with libFuzzer (+ AddressSanitizer) for a bounded time.
#   scripts/fuzz-extractor.sh [SECONDS] [MAX_LEN]     (defaults 60, 65536; not run in CI)
# Seeds: the founding article and the evaluation sets' texts. A crash, a memory error, a
# value JSON cannot hold or an input slower than 10 s leaves a crash-*/timeout-* file in
# .build-fuzz/extractor/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
MAX_LEN=${2:-65536}
OUT=.build-fuzz/extractor
mkdir -p "$OUT/corpus"
cp seeds/*.txt "$OUT/corpus/"
python3 - "$OUT" <<'PY'
import json, glob, os, sys
out = sys.argv[1]
# The resources as SwiftPM embeds them (`.embedInCode`): one byte array per file.
with open(os.path.join(out, "embedded_resources.swift"), "w") as f:
    f.write("struct PackageResources {\n")
    for path in sorted(glob.glob("Sources/PantauExtractor/Resources/*")):
        name = os.path.basename(path).replace("-", "_").replace(".", "_")
        f.write("static let %s: [UInt8] = [%s]\n" % (name, ",".join(str(b) for b in open(path, "rb").read())))
    f.write("}\n")
n = 0
for path in glob.glob("Tests/evaluation/*.json"):
    for item in json.load(open(path))["items"]:
        if item.get("text"):
            # First byte: language and date choice (see Fuzz/ExtractorFuzz.swift).
            open(os.path.join(out, "corpus", "eval-%d" % n), "wb").write(bytes([n % 8]) + item["text"].encode())
            n += 1
PY
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PantauExtractor \
  Sources/PantauExtractor/*.swift "$OUT/embedded_resources.swift" Fuzz/ExtractorFuzz.swift -o "$OUT/extractor-fuzz"
cd "$OUT"
SWIFT_BACKTRACE=enable=no ./extractor-fuzz -max_total_time="$SECONDS_TO_RUN" -max_len="$MAX_LEN" -timeout=10 -rss_limit_mb=2048 corpus
