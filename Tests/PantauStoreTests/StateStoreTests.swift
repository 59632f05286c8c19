import Foundation
import Testing
@testable import PantauStore

@Suite struct StateStoreTests {
    let directory = NSTemporaryDirectory() + "pantau-store-\(UUID().uuidString)"

    @Test func remembersSeenItemsAcrossReopen() throws {
        do {
            let store = try StateStore(directory: directory)
            #expect(try store.unseen(feed: "f", ids: ["a", "b", "a"]) == ["a", "b"])
            try store.commit(feed: "f", items: ["a", "b"], alerts: [])
        }
        let reopened = try StateStore(directory: directory)
        #expect(try reopened.unseen(feed: "f", ids: ["a", "b", "c"]) == ["c"])
        // Seen is per feed.
        #expect(try reopened.unseen(feed: "g", ids: ["a"]) == ["a"])
        #expect(try reopened.seenCount(feed: "f") == 2)
    }

    @Test func storiesAreReadNewestFirstAndTheTableStaysBounded() throws {
        let store = try StateStore(directory: directory)
        let rows = (0..<20).map { i in (key: "s\(i)", lastSeen: Double(100 + i), data: "{\"n\":\(i)}") }
        try store.saveStories(rows, expireBefore: nil, keepNewest: 5)
        // Without a purge nothing is deleted.
        #expect(try store.stories().count == 20)
        #expect(try store.stories(newest: 3).map(\.key) == ["s19", "s18", "s17"])
        // A purge drops the expired and all but the newest kept.
        try store.saveStories([], expireBefore: 102, keepNewest: 5)
        #expect(try store.stories().map(\.key) == ["s19", "s18", "s17", "s16", "s15"])
        try store.saveStories([(key: "s3", lastSeen: 200, data: "{}")], expireBefore: 0, keepNewest: 2)
        #expect(try store.stories().map(\.key) == ["s3", "s19"])
    }

    @Test func savesFeedStateWithValidators() throws {
        let store = try StateStore(directory: directory)
        #expect(try store.feedState("f") == nil)
        let state = FeedState(name: "f", url: "https://example.org/", etag: "\"e\"", lastModified: "Wed, 23 Oct 2024 03:00:00 GMT",
                              lastStatus: 200, lastPoll: Date(timeIntervalSince1970: 100), lastSuccess: Date(timeIntervalSince1970: 100))
        try store.save(state)
        #expect(try store.feedState("f") == state)
        #expect(try store.allFeedStates() == [state])
    }

    @Test func outboxDeliversInOrderAndIgnoresRepeatedAlertIDs() throws {
        let store = try StateStore(directory: directory)
        try store.commit(feed: "f", items: ["1"], alerts: [("a1", "{\"n\":1}"), ("a2", "{\"n\":2}")])
        try store.commit(feed: "f", items: ["2"], alerts: [("a2", "{\"n\":2}"), ("a3", "{\"n\":3}")])
        let pending = try store.pendingAlerts()
        #expect(pending.map(\.alertID) == ["a1", "a2", "a3"])
        try store.markDelivered(through: pending[1].sequence)
        #expect(try store.pendingAlerts().map(\.alertID) == ["a3"])
    }

    @Test func unwritableDirectoryGivesAnErrorNamingThePath() throws {
        #expect { try StateStore(directory: "/proc/pantau-cannot-be-here") } throws: { error in
            "\(error)".contains("/proc/pantau-cannot-be-here")
        }
    }
}
