// libFuzzer target for the feed parser (issue 5). Not part of the package build or CI:
// scripts/fuzz-feeds.sh compiles it with swiftc together with Sources/PantauFeeds (libFuzzer
// supplies `main`) and runs it for a bounded time. Every input must parse or fail with a FeedParseError, never crash or hang.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFeedParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let feed = try FeedParser().parse(bytes, url: "https://fuzz.test/feed.xml", contentType: size % 2 == 0 ? nil : "text/xml; charset=utf-8")
        for item in feed.items { _ = item.analysisText.utf8.count }
    } catch {
        _ = error.description
    }
    return 0
}

import Foundation
