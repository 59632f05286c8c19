import CSQLite
import Foundation
import PantauTestSupport
import Synchronization
import Testing
@testable import PantauStore

@Suite struct StateStoreTests {
    let scratch = ScratchDirectory("pantau-store")
    var directory: String { scratch.path }

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

    @Test func theWriteAheadLogIsCheckpointedOffTheWritersPathAndStaysBounded() throws {
        let store = try StateStore(directory: directory)
        let record = String(repeating: "x", count: 40_000)
        func size(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 }
        // 20 MB of alerts in 500 commits, in bursts of 1 MB: without checkpoints the WAL
        // would hold all of it; with them it is reused once a checkpoint has caught up.
        for i in 0..<500 {
            try store.commit(feed: "f", items: ["i\(i)"], alerts: [(id: "a\(i)", record: record)])
            if i % 25 == 24 { store.checkpointer.wait() }
        }
        #expect(store.checkpointer.completed.load(ordering: .relaxed) >= 3)
        #expect(try size(store.path + "-wal") < 8_000_000)
        #expect(try size(store.path) > 15_000_000)
        // At shutdown everything goes into the database file and the WAL is emptied.
        #expect(store.checkpointAll())
        #expect(try size(store.path + "-wal") == 0)
        #expect(try store.pendingAlerts(limit: 1000).count == 500)
    }

    @Test func checkpointSoonCopiesTheLogBelowTheThresholdWithoutWaiting() throws {
        let store = try StateStore(directory: directory)
        let record = String(repeating: "x", count: 40_000)
        func size(_ path: String) throws -> Int { try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int ?? 0 }
        // About 2 MB, half the threshold: no checkpoint starts by itself.
        for i in 0..<50 { try store.commit(feed: "f", items: ["i\(i)"], alerts: [(id: "a\(i)", record: record)]) }
        store.checkpointer.wait()
        #expect(store.checkpointer.completed.load(ordering: .relaxed) == 0)
        #expect(try size(store.path) < 500_000)
        store.checkpointSoon()
        store.checkpointer.wait()
        #expect(store.checkpointer.completed.load(ordering: .relaxed) >= 1)
        #expect(try size(store.path) > 1_900_000)
        #expect(try store.pendingAlerts(limit: 1000).count == 50)
    }

    @Test func closingTheStoreLeavesTheStateAsOneFile() throws {
        do {
            let store = try StateStore(directory: directory)
            try store.commit(feed: "f", items: ["a"], alerts: [(id: "x", record: "{}")])
            #expect(try store.unseen(feed: "f", ids: ["a", "b"]) == ["b"])
            #expect(FileManager.default.fileExists(atPath: store.path + "-wal"))
        }
        // Every connection (writer, checkpointer, readers) closed: SQLite folded the log
        // back into the database file and removed it and its index.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["state.sqlite"])
        let reopened = try StateStore(directory: directory)
        #expect(try reopened.unseen(feed: "f", ids: ["a", "b"]) == ["b"])
    }

    @Test func forgetsOldIdsTheFeedNoLongerListsAndKeepsTheRest() throws {
        let store = try StateStore(directory: directory)
        let day = 86_400.0
        let t0 = Date(timeIntervalSince1970: 1_700_000_000)
        try store.commit(feed: "f", items: ["a", "b", "c"], alerts: [], now: t0)
        try store.commit(feed: "g", items: ["a"], alerts: [], now: t0)
        try store.commit(feed: "f", items: ["e"], alerts: [], now: t0.addingTimeInterval(95 * day))
        // 100 days on, the feed lists b and d; keep 90 days.
        let now = t0.addingTimeInterval(100 * day)
        store.stage(StagedCommit(feed: "f", items: ["d"], alerts: [], now: now, prune: (keep: ["b", "d"], firstSeenBefore: now.addingTimeInterval(-90 * day))))
        try store.commitStaged()
        // a and c are forgotten (old, no longer listed); b is listed; e is recent; d is new.
        #expect(try store.unseen(feed: "f", ids: ["a", "b", "c", "d", "e"]) == ["a", "c"])
        #expect(try store.seenCount(feed: "f") == 3)
        // Another feed's ids are not touched.
        #expect(try store.unseen(feed: "g", ids: ["a"]).isEmpty)
    }

    @Test func theLastPruneIsStoredWithTheFeedState() throws {
        let when = Date(timeIntervalSince1970: 1_700_000_123)
        do {
            let store = try StateStore(directory: directory)
            try store.save(FeedState(name: "f", url: "https://example.org/feed", seenPruned: when))
            try store.commitStaged()
        }
        #expect(try StateStore(directory: directory).feedState("f")?.seenPruned == when)
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
        // What the log has leaves the state file; new alerts still get higher sequences.
        let rows = try store.database.withLock { db throws(StoreError) -> Int64 in
            let count = try db.prepare("SELECT COUNT(*) FROM outbox")
            return try count.step() ? count.int(0) : -1
        }
        #expect(rows == 1)
        try store.commit(feed: "f", items: ["3"], alerts: [("a4", "{\"n\":4}")])
        #expect(try store.pendingAlerts().map(\.sequence) == [pending[2].sequence, pending[2].sequence + 1])
    }

    @Test func stagedCommitsCountAsSeenAndAreWrittenTogetherInOrder() throws {
        let store = try StateStore(directory: directory)
        store.stage(StagedCommit(feed: "f", items: ["1", "2"], alerts: [("a1", "{}")]))
        store.stage(StagedCommit(feed: "g", items: ["1"], alerts: [("a2", "{}")]))
        // Not in SQLite yet, but already seen: a second look at the feed finds nothing new.
        #expect(try store.seenCount(feed: "f") == 0)
        #expect(try store.pendingAlerts().isEmpty)
        #expect(try store.unseen(feed: "f", ids: ["1", "2", "3"]) == ["3"])
        #expect(try store.unseen(feed: "h", ids: ["1"]) == ["1"])
        #expect(store.stagedCount == 2)
        try store.commitStaged()
        #expect(store.stagedCount == 0)
        #expect(try store.seenCount(feed: "f") == 2)
        #expect(try store.pendingAlerts().map(\.alertID) == ["a1", "a2"])
        // A direct commit writes what was staged before it, first.
        store.stage(StagedCommit(feed: "f", items: ["3"], alerts: [("a3", "{}")]))
        try store.commit(feed: "g", items: ["2"], alerts: [("a4", "{}")])
        #expect(try store.pendingAlerts().map(\.alertID) == ["a1", "a2", "a3", "a4"])
    }

    @Test func checkingItemsDoesNotWaitForTheWriter() throws {
        let store = try StateStore(directory: directory)
        try store.commit(feed: "f", items: ["1"], alerts: [])
        // Another thread holds the writer connection (as a long commit would) until told.
        let held = DispatchSemaphore(value: 0), release = DispatchSemaphore(value: 0), answered = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            store.database.withLock { _ in
                held.signal()
                release.wait()
            }
        }
        held.wait()
        let result = Mutex<[String]?>(nil)
        Thread.detachNewThread {
            result.withLock { $0 = try? store.unseen(feed: "f", ids: ["1", "2"]) }
            answered.signal()
        }
        let waited = answered.wait(timeout: .now() + 5)
        release.signal()
        if waited == .timedOut { answered.wait() }
        #expect(waited == .success)
        #expect(result.withLock { $0 } == ["2"])
    }

    @Test func aStagedCommitThatCannotBeWrittenStaysQueued() throws {
        let store = try StateStore(directory: directory)
        store.stage(StagedCommit(feed: "f", items: ["1"], alerts: [("a1", "{}")]))
        try store.save(FeedState(name: "f", url: "http://example.test/f.xml"))
        // Another connection holds the write lock, and ours is told not to wait for it.
        let other = try SQLiteDatabase(path: store.path)
        try other.execute("BEGIN EXCLUSIVE")
        store.database.withLock { db in _ = sqlite3_busy_timeout(db.handle, 0) }
        #expect(throws: StoreError.self) { try store.commitStaged() }
        #expect(store.stagedCount == 1)
        #expect(store.pendingFeedStates == 1)
        try other.execute("ROLLBACK")
        try store.commitStaged()
        #expect(store.stagedCount == 0)
        #expect(try store.pendingAlerts().map(\.alertID) == ["a1"])
        #expect(try store.seenCount(feed: "f") == 1)
        #expect(try store.allFeedStates().map(\.name) == ["f"])
    }

    @Test func upgradingFromSchema4DropsDeliveredRowsAndKeepsPendingOnes() throws {
        // A schema-4 file as older versions left it: delivered rows kept, a (delivered, seq)
        // index, one alert still pending.
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/state.sqlite"
        do {
            let old = try SQLiteDatabase(path: path)
            try old.execute("""
                CREATE TABLE outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT, alert_id TEXT NOT NULL UNIQUE,
                    created REAL NOT NULL, record TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX outbox_pending ON outbox(delivered, seq);
                INSERT INTO outbox(alert_id, created, record, delivered) VALUES('old1', 0, '{}', 1), ('old2', 0, '{}', 1), ('new', 0, '{"n":1}', 0);
                PRAGMA user_version=4;
                """)
        }
        let store = try StateStore(path: path)
        #expect(try store.pendingAlerts().map(\.alertID) == ["new"])
        let (rows, indexes, version) = try store.database.withLock { db throws(StoreError) -> (Int64, Int64, Int64) in
            func value(_ sql: String) throws(StoreError) -> Int64 {
                let statement = try db.prepare(sql)
                return try statement.step() ? statement.int(0) : -1
            }
            return (try value("SELECT COUNT(*) FROM outbox"),
                    try value("SELECT COUNT(*) FROM sqlite_master WHERE name = 'outbox_pending'"),
                    try value("PRAGMA user_version"))
        }
        #expect(rows == 1)
        #expect(indexes == 0)
        #expect(version == Int64(StateStore.schemaVersion))
    }

    @Test func deliveredAlertsAreDroppedWithoutZeroingTheirPages() throws {
        let store = try StateStore(directory: directory)
        let secureDelete = try store.database.withLock { db throws(StoreError) -> Int64 in
            let statement = try db.prepare("PRAGMA secure_delete")
            return try statement.step() ? statement.int(0) : -1
        }
        #expect(secureDelete == 0)
    }

    @Test func unwritableDirectoryGivesAnErrorNamingThePath() throws {
        #expect { try StateStore(directory: "/proc/pantau-cannot-be-here") } throws: { error in
            "\(error)".contains("/proc/pantau-cannot-be-here")
        }
    }
}
