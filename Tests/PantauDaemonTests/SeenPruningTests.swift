import Foundation
import PantauTestSupport
import Logging
import PantauConfig
import PantauFetch
import PantauStore
import Testing
@testable import PantauDaemon

/// The state forgets ids a feed no longer lists once they are older than `seen_retention`,
/// checking each feed at most once a day, so it does not grow for ever.
@Suite struct SeenPruningTests {
    let scratch = ScratchDirectory("pantau-prune")
    var directory: String { scratch.path }
    let day = 86_400.0
    let feed = FeedConfig(name: "f", url: "https://example.org/feed.xml")

    func response(listing ids: [String]) -> FetchResponse {
        let items = ids.map { "<item><title>Item \($0)</title><guid>\($0)</guid></item>" }.joined()
        let body = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\(items)</channel></rss>"
        return FetchResponse(url: feed.url, effectiveURL: feed.url, status: 200, headers: ["Content-Type": "application/rss+xml"],
                             body: Array(body.utf8), duration: 0)
    }

    @Test func aFeedForgetsIdsItNoLongerListsAtMostOnceADay() throws {
        let store = try StateStore(directory: directory)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let delivery = AlertDelivery(store: store, log: try AlertLogFile(path: directory + "/alerts.jsonl"), logger: logger)
        var pipeline = FeedPipeline(store: store, builder: AlertBuilder(watches: []), delivery: delivery, logger: logger)
        pipeline.seenRetention = 10 * day
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        func poll(_ ids: [String], after days: Double) throws {
            let report = pipeline.handle(feed: feed, result: .success(response(listing: ids)), now: t0.addingTimeInterval(days * day))
            #expect(report.error == nil)
            try store.commitStaged()
        }

        // The first parsed poll starts the clock and forgets nothing.
        try poll(["a", "b"], after: 0)
        #expect(try store.feedState("f")?.seenPruned == t0)
        // Twenty days on: a is no longer listed and older than ten days.
        try poll(["b", "c"], after: 20)
        #expect(try store.unseen(feed: "f", ids: ["a", "b", "c"]) == ["a"])
        #expect(try store.feedState("f")?.seenPruned == t0.addingTimeInterval(20 * day))
        // Half a day later b drops out, but the feed was checked less than a day ago.
        try poll(["c"], after: 20.5)
        #expect(try store.unseen(feed: "f", ids: ["b"]).isEmpty)
        // A day after the last check it goes; c, listed, stays.
        try poll(["c"], after: 21.5)
        #expect(try store.unseen(feed: "f", ids: ["b", "c"]) == ["b"])
        #expect(try store.seenCount(feed: "f") == 1)
    }

    @Test func aFeedListingAnIdTwiceOrAnIdSeenBeforeGivesEachNewItemOnce() throws {
        let store = try StateStore(directory: directory)
        let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
        let delivery = AlertDelivery(store: store, log: try AlertLogFile(path: directory + "/alerts.jsonl"), logger: logger)
        let pipeline = FeedPipeline(store: store, builder: AlertBuilder(watches: []), delivery: delivery, logger: logger)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        // First poll: a repeats itself; a and b are new, once each.
        var report = pipeline.handle(feed: feed, result: .success(response(listing: ["a", "b", "a"])), now: now)
        #expect(report.items == 3 && report.newItems == 2)
        try store.commitStaged()
        // Second: seen ids mixed in and repeated around the new ones, which come once each.
        report = pipeline.handle(feed: feed, result: .success(response(listing: ["b", "c", "a", "c", "d", "b", "d", "e"])), now: now)
        #expect(report.items == 8 && report.newItems == 3)
        try store.commitStaged()
        #expect(try store.unseen(feed: "f", ids: ["a", "b", "c", "d", "e", "f"]) == ["f"])
        #expect(try store.seenCount(feed: "f") == 5)
    }
}
