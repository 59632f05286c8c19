import Foundation
import PantauConfig
import PantauStore
import PantauTestSupport
import Testing
@testable import PantauDaemon

/// `pantau status` as read from a real state database.
@Suite struct StatusReportTests {
    let scratch = ScratchDirectory("pantau-status")

    @Test func showsEachConfiguredFeedAsItsStateSays() throws {
        let store = try StateStore(directory: scratch.path)
        let polled = Date(timeIntervalSince1970: 1_800_000_000)
        try store.save(FeedState(name: "ok", url: "https://example.org/ok.xml", lastStatus: 200, lastPoll: polled, lastSuccess: polled))
        try store.save(FeedState(name: "failing", url: "https://u:pw@example.org/f.xml", lastStatus: 503, lastError: "HTTP 503",
                                 lastPoll: polled, lastSuccess: polled.addingTimeInterval(-3600), consecutiveErrors: 4))
        try store.save(FeedState(name: "moved", url: "https://example.org/old.xml", lastStatus: 200, lastPoll: polled, lastSuccess: polled,
                                 movedTo: "https://example.org/new.xml?key=K", permanentRedirects: StateStore.redirectsBeforeMove))
        try store.save(FeedState(name: "edited", url: "https://example.org/before.xml", lastStatus: 200, lastPoll: polled))
        try store.commitStaged()
        let feeds = ["ok", "failing", "moved", "edited", "new"].map { name in
            FeedConfig(name: name, url: name == "failing" ? "https://u:pw@example.org/f.xml" : name == "moved" ? "https://example.org/old.xml" : "https://example.org/\(name).xml")
        }

        let report = try StatusReport(feeds: feeds, store: store)
        #expect(report.feeds.map(\.name) == ["ok", "failing", "moved", "edited", "new"])  // the configuration's order
        #expect(report.feeds.map(\.result) == ["ok", "error", "ok", "never polled", "never polled"])
        #expect(report.daemon == nil)  // no poll has saved counters
        let failing = report.feeds[1]
        #expect(failing.url == "https://u:***@example.org/f.xml")
        #expect(failing.lastError == "HTTP 503" && failing.lastStatus == 503 && failing.consecutiveErrors == 4)
        #expect(failing.lastPoll == "2027-01-15T08:00:00Z" && failing.lastSuccess == "2027-01-15T07:00:00Z")
        #expect(report.feeds[2].movedTo == "https://example.org/new.xml?key=***")
        #expect(report.feeds[0].movedTo == nil)
        // A feed whose URL the configuration has changed since is as good as new.
        #expect(report.feeds[3].lastPoll == nil && report.feeds[3].lastStatus == nil)
    }

    @Test func jsonLeavesAbsentValuesOutAndUsesSnakeCase() throws {
        let store = try StateStore(directory: scratch.path)
        let report = try StatusReport(feeds: [FeedConfig(name: "new", url: "https://example.org/n.xml")], store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["state", "waiting_for_log", "feeds"])  // no daemon counters yet
        let feed = try #require((object["feeds"] as? [[String: Any]])?.first)
        #expect(Set(feed.keys) == ["name", "url", "result", "consecutive_errors", "seen"])
        #expect(feed["result"] as? String == "never polled")
    }
}
