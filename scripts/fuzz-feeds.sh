#!/usr/bin/env bash
# Fuzzes the feed parser with libFuzzer (+ AddressSanitizer) for a bounded time.
#   scripts/fuzz-feeds.sh [SECONDS]        (default 60; not run in CI)
# Seeds: the bundled demo feed and every fixture-shaped document under Tests/PantauFeedsTests.
# A crash leaves a crash-* file in .build-fuzz/ and exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-60}
OUT=.build-fuzz
mkdir -p "$OUT/corpus"
cp seeds/feed.xml "$OUT/corpus/demo.xml"
printf '%s' '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","title":"t"}]}' > "$OUT/corpus/json.json"
printf '%s' '<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>a&amp;b</title></entry></feed>' > "$OUT/corpus/atom.xml"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name PantauFeedsFuzz \
  -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 -lxml2 \
  Sources/PantauFeeds/*.swift Fuzz/FeedParserFuzz.swift -o "$OUT/feed-parser-fuzz"
cd "$OUT"
SWIFT_BACKTRACE=enable=no ./feed-parser-fuzz -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=2048 corpus
