import CSQLite
import Foundation
import Synchronization

/// Pantau's memory: per-feed validators and status, seen items, and the alert outbox, in
/// one SQLite file (WAL mode) under the state directory.
///
/// An item's "seen" mark and its alerts are written in one transaction
/// (``commit(feed:items:alerts:now:sinkJobs:)``, or staged and written with others by
/// ``commitStaged()``), so a crash either keeps both or neither: no item alerts twice, and
/// no alert is lost. Safe to call from any thread.
public final class StateStore: Sendable {
    /// The database file.
    public let path: String
    let database: Mutex<SQLiteDatabase>
    /// Feed states as last read or saved, and which of them SQLite has not seen yet.
    /// Reads on the hot path skip SQLite; writes are batched (write-behind).
    struct FeedCache {
        var states: [String: FeedState] = [:]
        var dirty: Set<String> = []
    }

    let feedCache: Mutex<FeedCache>
    /// Ingest results waiting for ``commitStaged()``, oldest first, and those being written.
    struct Staging {
        var queued: [StagedCommit] = []
        var writing: [StagedCommit] = []
    }

    let staged = Mutex(Staging())
    /// Set by the alert delivery: writes staged alerts to their log before the marks that
    /// raised them commit (see ``deliverDirectly(_:)``).
    let direct = Mutex<DirectDelivery?>(nil)
    /// Idle read-only connections for ``unseen(feed:ids:)``: in WAL mode a reader never waits
    /// for the writer, so a worker checking its items does not queue behind another's commit.
    let readers = Mutex<[SQLiteDatabase]>([])
    /// Checkpoints the WAL off the writers' path.
    let checkpointer: WALCheckpointer

    /// Schema version written to `PRAGMA user_version`.
    static let schemaVersion = 5

    /// Permanent redirects in a row after which the new URL replaces the configured one
    /// (until the configuration changes the feed's URL).
    public static let redirectsBeforeMove = 3

    /// Columns added after schema version 1, with their types.
    static let addedFeedColumns = [("next_poll", "REAL"), ("moved_to", "TEXT"), ("redirect_count", "INTEGER NOT NULL DEFAULT 0"), ("seen_pruned", "REAL")]

    /// Opens (creating if needed) `state.sqlite` in `directory`, creating the directory too.
    public convenience init(directory: String) throws(StoreError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw StoreError(operation: "creating the state directory", path: directory, code: 0, message: "\(error.localizedDescription)")
        }
        try self.init(path: (directory as NSString).appendingPathComponent("state.sqlite"))
    }

    /// Opens (creating if needed) the database at `path`.
    public init(path: String) throws(StoreError) {
        self.path = path
        let db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA journal_mode=WAL")
        try db.execute("PRAGMA synchronous=NORMAL")
        // Debian builds SQLite with secure_delete on: every delivered alert's bytes, and every
        // page freed, would be overwritten with zeros, which in a cold poll wrote 30 % of the
        // WAL's frames. Nothing here is secret (the alerts log has every alert).
        try db.execute("PRAGMA secure_delete=OFF")
        try db.execute("""
            CREATE TABLE IF NOT EXISTS feeds(
                name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
                last_status INTEGER, last_error TEXT, last_poll REAL, last_success REAL,
                consecutive_errors INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS seen(
                feed TEXT NOT NULL, item_id TEXT NOT NULL, first_seen REAL NOT NULL,
                PRIMARY KEY(feed, item_id)) WITHOUT ROWID;
            CREATE TABLE IF NOT EXISTS outbox(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, alert_id TEXT NOT NULL UNIQUE,
                created REAL NOT NULL, record TEXT NOT NULL, delivered INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS stories(key TEXT PRIMARY KEY, last_seen REAL NOT NULL, data TEXT NOT NULL) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS stories_last_seen ON stories(last_seen);
            CREATE TABLE IF NOT EXISTS sink_jobs(
                seq INTEGER PRIMARY KEY AUTOINCREMENT, sink TEXT NOT NULL, alert_id TEXT NOT NULL, record TEXT NOT NULL,
                created REAL NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt REAL NOT NULL, last_error TEXT,
                UNIQUE(sink, alert_id));
            """)
        try Self.migrate(db)
        checkpointer = try WALCheckpointer(path: path)
        checkpointer.attach(to: db)
        // Every feed state is read once here: afterwards the cache is the whole truth and
        // polling a feed never waits for SQLite to learn what it already knows.
        var states: [String: FeedState] = [:]
        let all = try db.prepare("SELECT name, url, etag, last_modified, last_status, last_error, last_poll, last_success, consecutive_errors, moved_to, redirect_count, next_poll, seen_pruned FROM feeds")
        while try all.step() {
            let state = Self.feedState(from: all)
            states[state.name] = state
        }
        self.database = Mutex(db)
        self.feedCache = Mutex(FeedCache(states: states))
    }

    deinit {
        // The hook's context is the checkpointer: detach it before either goes away.
        database.withLock { db in _ = sqlite3_wal_hook(db.handle, nil, nil) }
    }

    /// Brings an older schema up to ``schemaVersion``.
    static func migrate(_ db: SQLiteDatabase) throws(StoreError) {
        let statement = try db.prepare("PRAGMA user_version")
        let version = try statement.step() ? statement.int(0) : 0
        statement.reset()  // left on its row it would lock the schema against DROP INDEX
        for (column, type) in addedFeedColumns {
            let exists = try db.prepare("SELECT COUNT(*) FROM pragma_table_info('feeds') WHERE name = ?")
            exists.bind(.text(column))
            if try exists.step(), exists.int(0) == 0 {
                try db.execute("ALTER TABLE feeds ADD COLUMN \(column) \(type)")
            }
        }
        if version < 5 {
            // Since schema 4 delivered alerts leave the outbox, so every row left is pending
            // and rowid order is delivery order: the (delivered, seq) index only cost a page
            // write per commit. Rows older versions marked delivered go with it.
            try db.execute("DELETE FROM outbox WHERE delivered <> 0; DROP INDEX IF EXISTS outbox_pending")
        }
        if version < schemaVersion { try db.execute("PRAGMA user_version=\(schemaVersion)") }
    }

    /// Records when `feed` will be polled next (shown by `pantau status`; batched like
    /// ``save(_:)``).
    public func setNextPoll(feed: String, at date: Date?) throws(StoreError) {
        guard var state = try feedState(feed) else { return }
        state.nextPoll = date
        try save(state)
    }

    /// When `feed` is due next, as last recorded.
    public func nextPoll(feed: String) throws(StoreError) -> Date? {
        try feedState(feed)?.nextPoll
    }

    /// Items seen per feed.
    public func seenCounts() throws(StoreError) -> [String: Int] {
        try database.withLock { db throws(StoreError) -> [String: Int] in
            let statement = try db.prepare("SELECT feed, COUNT(*) FROM seen GROUP BY feed")
            var counts: [String: Int] = [:]
            while try statement.step() { counts[statement.text(0) ?? ""] = Int(statement.int(1)) }
            return counts
        }
    }

    /// Stores a small named value (the daemon's counters).
    public func setMeta(_ key: String, _ value: String) throws(StoreError) {
        try database.withLock { db throws(StoreError) in try Self.setMeta(key, value, db) }
    }

    /// Stores a named value on `db` (inside the caller's lock and transaction, if any).
    static func setMeta(_ key: String, _ value: String, _ db: SQLiteDatabase) throws(StoreError) {
        try db.cached("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").bind(.text(key), .text(value)).run()
    }

    /// A value stored with ``setMeta(_:_:)``.
    public func meta(_ key: String) throws(StoreError) -> String? {
        try database.withLock { db throws(StoreError) -> String? in
            let statement = try db.prepare("SELECT value FROM meta WHERE key = ?")
            statement.bind(.text(key))
            return try statement.step() ? statement.text(0) : nil
        }
    }

    /// Alerts still waiting for the log.
    public func pendingCount() throws(StoreError) -> Int {
        try database.withLock { db throws(StoreError) -> Int in
            let statement = try db.prepare("SELECT COUNT(*) FROM outbox WHERE delivered = 0")
            return try statement.step() ? Int(statement.int(0)) : 0
        }
    }

    /// The stored state of `feed`, or nil if it was never polled. Served from memory.
    public func feedState(_ feed: String) throws(StoreError) -> FeedState? {
        feedCache.withLock { $0.states[feed] }
    }

    /// Every feed the store knows, by name (pending feed states are flushed first).
    public func allFeedStates() throws(StoreError) -> [FeedState] {
        try commitStaged()
        return try database.withLock { db throws(StoreError) -> [FeedState] in
            let statement = try db.prepare("SELECT name, url, etag, last_modified, last_status, last_error, last_poll, last_success, consecutive_errors, moved_to, redirect_count, next_poll, seen_pruned FROM feeds ORDER BY name")
            var states: [FeedState] = []
            while try statement.step() { states.append(Self.feedState(from: statement)) }
            return states
        }
    }

    static func feedState(from s: Statement) -> FeedState {
        FeedState(
            name: s.text(0) ?? "", url: s.text(1) ?? "", etag: s.text(2), lastModified: s.text(3),
            lastStatus: s.double(4).map { Int($0) }, lastError: s.text(5),
            lastPoll: s.double(6).map(Date.init(timeIntervalSince1970:)),
            lastSuccess: s.double(7).map(Date.init(timeIntervalSince1970:)),
            consecutiveErrors: Int(s.int(8)), movedTo: s.text(9), permanentRedirects: Int(s.int(10)),
            nextPoll: s.double(11).map(Date.init(timeIntervalSince1970:)),
            seenPruned: s.double(12).map(Date.init(timeIntervalSince1970:))
        )
    }

    /// Saves `state`, replacing what was stored for its feed. The write is batched: it
    /// reaches SQLite with the next ``commitStaged()`` (which every commit and
    /// delivery runs). Losing it in a crash costs at most a full refetch.
    public func save(_ state: FeedState) throws(StoreError) {
        feedCache.withLock { cache in
            cache.states[state.name] = state
            cache.dirty.insert(state.name)
        }
    }

    /// Starts copying the write-ahead log into the database file in the background (without
    /// waiting for anything): at the end of a run, so that ``checkpointAll()`` has only the
    /// last writes left to copy.
    public func checkpointSoon() {
        checkpointer.start()
    }

    /// Copies the write-ahead log into the database file and empties it: at shutdown, so
    /// the database file alone holds the whole state (a copy of it is a complete backup;
    /// SQLite removes the empty log and its index when the last connection closes).
    /// Returns false if another connection kept it busy.
    @discardableResult
    public func checkpointAll() -> Bool {
        checkpointer.checkpointAll() == SQLITE_OK
    }

    /// How many saved feed states SQLite has not seen yet.
    public var pendingFeedStates: Int {
        feedCache.withLock { $0.dirty.count }
    }

    /// Writes the batched feed states inside the caller's transaction.
    func writeDirtyStates(_ db: SQLiteDatabase) throws(StoreError) {
        let states = feedCache.withLock { cache -> [FeedState] in
            defer { cache.dirty.removeAll() }
            return cache.dirty.compactMap { cache.states[$0] }
        }
        guard !states.isEmpty else { return }
        let statement = try db.cached("""
            INSERT OR REPLACE INTO feeds(name, url, etag, last_modified, last_status, last_error, last_poll, last_success,
                consecutive_errors, moved_to, redirect_count, next_poll, seen_pruned)
            VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for state in states {
            try statement.bind(
                .text(state.name), .text(state.url), .text(state.etag), .text(state.lastModified),
                state.lastStatus.map { .int(Int64($0)) } ?? .text(nil), .text(state.lastError),
                state.lastPoll.map { .double($0.timeIntervalSince1970) } ?? .text(nil),
                state.lastSuccess.map { .double($0.timeIntervalSince1970) } ?? .text(nil),
                .int(Int64(state.consecutiveErrors)), .text(state.movedTo), .int(Int64(state.permanentRedirects)),
                state.nextPoll.map { .double($0.timeIntervalSince1970) } ?? .text(nil),
                state.seenPruned.map { .double($0.timeIntervalSince1970) } ?? .text(nil)
            ).run()
        }
    }

    /// The ids among `ids` that `feed` has not seen, in the given order, without repeats.
    /// Staged marks count as seen. Runs on a reader connection, alongside any commit.
    public func unseen(feed: String, ids: [String]) throws(StoreError) -> [String] {
        // The staged (and being written) marks are looked at before SQLite: a batch that
        // leaves them has committed, so the read transaction that starts next sees it.
        var batch = Set(staged.withLock { ($0.writing + $0.queued).lazy.filter { $0.feed == feed }.flatMap(\.items) })
        return try withReader { db throws(StoreError) -> [String] in
            try db.transaction(readOnly: true) { () throws(StoreError) -> [String] in
                // A feed with nothing seen yet (its first poll) needs one lookup, not one per id.
                let any = try db.cached("SELECT EXISTS(SELECT 1 FROM seen WHERE feed = ?)")
                any.bind(.text(feed))
                let known = try any.step() && any.int(0) != 0
                any.reset()
                guard known else { return ids.filter { batch.insert($0).inserted } }
                let statement = try db.cached("SELECT 1 FROM seen WHERE feed = ? AND item_id = ?")
                defer { statement.reset() }
                var result: [String] = []
                for id in ids where batch.insert(id).inserted {
                    statement.bind(.text(feed), .text(id))
                    if try !statement.step() { result.append(id) }
                }
                return result
            }
        }
    }

    /// Runs `body` on an idle reader connection (opening one if none is idle).
    func withReader<R>(_ body: (SQLiteDatabase) throws(StoreError) -> R) throws(StoreError) -> R {
        let db: SQLiteDatabase
        if let idle = readers.withLock({ $0.popLast() }) {
            db = idle
        } else {
            db = try SQLiteDatabase(path: path, readOnly: true)
        }
        defer { readers.withLock { $0.append(db) } }
        return try body(db)
    }

    /// In one transaction, with everything staged before (``commitStaged()``): marks `items`
    /// of `feed` seen and delivers `alerts` (alert id, JSON record), straight to the log or
    /// into the outbox. Alerts whose id is already queued are ignored (one the log has cannot
    /// come again: its item is seen).
    public func commit(feed: String, items: [String], alerts: [(id: String, record: String)], now: Date = Date(),
                       sinkJobs: [(sink: String, alertID: String, record: String)] = []) throws(StoreError) {
        stage(StagedCommit(feed: feed, items: items, alerts: alerts, sinkJobs: sinkJobs, now: now))
        try commitStaged()
    }

    /// Queues `commit` to be written by the next ``commitStaged()`` (which delivery, the
    /// feed-state flush and shutdown all run first). Each staged commit stays whole and
    /// atomic; writing many in one transaction shares the pages they touch (the outbox's
    /// last page, index and interior pages, the feeds table) instead of writing them again
    /// for every feed. A crash before the write loses only the marks: the items are new again
    /// on the next start, and their alerts, never delivered, come once.
    public func stage(_ commit: StagedCommit) {
        staged.withLock { $0.queued.append(commit) }
    }

    /// How many staged commits wait to be written.
    public var stagedCount: Int {
        staged.withLock { $0.queued.count }
    }

    /// Writes every staged commit and every batched feed state in one transaction. On
    /// failure nothing is lost: they stay queued for the next call.
    ///
    /// With a direct delivery set (``deliverDirectly(_:)``) and nothing older waiting in the
    /// outbox, the batch's alerts go to the log first and only the log's position is stored
    /// with the marks; if the log cannot be written they go to the outbox as before.
    public func commitStaged() throws(StoreError) {
        try database.withLock { db throws(StoreError) in
            // Taken under the database lock: commits reach SQLite in the order they were staged.
            let batch = staged.withLock { staged in
                staged.writing = staged.queued
                staged.queued.removeAll()
                return staged.writing
            }
            let dirty = feedCache.withLock { $0.dirty }
            var position: String?
            if let deliver = direct.withLock({ $0 }), batch.contains(where: { !$0.alerts.isEmpty }), try outboxIsEmpty(db) {
                // A failure here leaves the alerts to the outbox, whose delivery retries and reports it.
                position = try? deliver(batch.flatMap(\.alerts))
            }
            do throws(StoreError) {
                try db.transaction { () throws(StoreError) in
                    try writeDirtyStates(db)
                    try write(batch, db, queueAlerts: position == nil)
                    if let position { try Self.setMeta(Self.logPositionKey, position, db) }
                }
                staged.withLock { $0.writing.removeAll() }
            } catch {
                staged.withLock { staged in
                    // Alerts already in the log are not queued again: the marks go with the
                    // next batch, and a crash before then is covered by the stored position.
                    if position != nil { for i in staged.writing.indices { staged.writing[i].alerts = [] } }
                    staged.queued.insert(contentsOf: staged.writing, at: 0)
                    staged.writing.removeAll()
                }
                feedCache.withLock { $0.dirty.formUnion(dirty) }
                throw error
            }
        }
    }

    /// Writes alerts somewhere durable before their marks commit, in order, and returns the
    /// destination's position after them (stored with the marks under ``logPositionKey``);
    /// throws when it cannot, and the alerts go to the outbox instead.
    public typealias DirectDelivery = @Sendable (_ alerts: [(id: String, record: String)]) throws -> String

    /// Meta key of the alerts log's position as of the last commit that delivered directly
    /// or marked outbox alerts delivered.
    public static let logPositionKey = "alerts_log_position"

    /// Sends staged alerts straight to the log from now on (nil: through the outbox only).
    public func deliverDirectly(_ deliver: DirectDelivery?) {
        direct.withLock { $0 = deliver }
    }

    func outboxIsEmpty(_ db: SQLiteDatabase) throws(StoreError) -> Bool {
        let statement = try db.cached("SELECT EXISTS(SELECT 1 FROM outbox)")
        defer { statement.reset() }
        return try !statement.step() || statement.int(0) == 0
    }

    func write(_ batch: [StagedCommit], _ db: SQLiteDatabase, queueAlerts: Bool = true) throws(StoreError) {
        guard !batch.isEmpty else { return }
        let markSeen = try db.cached("INSERT OR IGNORE INTO seen(feed, item_id, first_seen) VALUES(?, ?, ?)")
        let queue = try db.cached("INSERT OR IGNORE INTO outbox(alert_id, created, record) VALUES(?, ?, ?)")
        for commit in batch {
            let now = commit.now.timeIntervalSince1970
            for item in commit.items {
                try markSeen.bind(.text(commit.feed), .text(item), .double(now)).run()
            }
            if let prune = commit.prune {
                // Ids the feed no longer lists, first seen before the cut-off, are forgotten.
                let listed = String(decoding: (try? JSONSerialization.data(withJSONObject: prune.keep)) ?? Data("[]".utf8), as: UTF8.self)
                try db.cached("DELETE FROM seen WHERE feed = ? AND first_seen < ? AND item_id NOT IN (SELECT value FROM json_each(?))")
                    .bind(.text(commit.feed), .double(prune.firstSeenBefore.timeIntervalSince1970), .text(listed)).run()
            }
            for alert in commit.alerts where queueAlerts {
                try queue.bind(.text(alert.id), .double(now), .text(alert.record)).run()
            }
            if !commit.sinkJobs.isEmpty {
                let enqueue = try db.cached("INSERT OR IGNORE INTO sink_jobs(sink, alert_id, record, created, next_attempt) VALUES(?, ?, ?, ?, ?)")
                for job in commit.sinkJobs {
                    try enqueue.bind(.text(job.sink), .text(job.alertID), .text(job.record), .double(now), .double(now)).run()
                }
            }
        }
    }

    /// A delivery to a sink waiting to be made (or retried).
    public struct SinkJob: Sendable, Hashable {
        /// Row id.
        public var seq: Int64
        /// Sink id (`watch#index`).
        public var sink: String
        /// The alert's JSON record.
        public var record: String
        /// When it was queued (seconds since 1970).
        public var created: Double
        /// Failed attempts so far.
        public var attempts: Int
    }

    /// Sink deliveries due at `now` whose alert is already in the alerts log, oldest first.
    public func dueSinkJobs(now: Double, limit: Int = 100) throws(StoreError) -> [SinkJob] {
        try database.withLock { db throws(StoreError) -> [SinkJob] in
            let statement = try db.cached("SELECT seq, sink, record, created, attempts FROM sink_jobs WHERE next_attempt <= ? AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.alert_id = sink_jobs.alert_id AND o.delivered = 0) ORDER BY seq LIMIT ?")
            statement.bind(.double(now), .int(Int64(limit)))
            var jobs: [SinkJob] = []
            while try statement.step() {
                jobs.append(SinkJob(seq: statement.int(0), sink: statement.text(1) ?? "", record: statement.text(2) ?? "",
                                    created: statement.double(3) ?? 0, attempts: Int(statement.int(4))))
            }
            return jobs
        }
    }

    /// When the earliest sink job whose alert is in the alerts log falls due (seconds since
    /// 1970), or nil when there is none.
    public func nextSinkJobDue() throws(StoreError) -> Double? {
        try database.withLock { db throws(StoreError) -> Double? in
            // Prepared each time (at most once a second): finalised on return, it leaves no
            // read transaction open.
            let statement = try db.prepare("SELECT MIN(next_attempt) FROM sink_jobs WHERE NOT EXISTS (SELECT 1 FROM outbox o WHERE o.alert_id = sink_jobs.alert_id AND o.delivered = 0)")
            return try statement.step() ? statement.double(0) : nil
        }
    }

    /// Removes a delivered (or abandoned) sink job.
    public func finishSinkJob(_ seq: Int64) throws(StoreError) {
        try database.withLock { db throws(StoreError) in try db.cached("DELETE FROM sink_jobs WHERE seq = ?").bind(.int(seq)).run() }
    }

    /// Schedules a failed sink job's next attempt.
    public func retrySinkJob(_ seq: Int64, at next: Double, error: String) throws(StoreError) {
        try database.withLock { db throws(StoreError) in
            try db.cached("UPDATE sink_jobs SET attempts = attempts + 1, next_attempt = ?, last_error = ? WHERE seq = ?")
                .bind(.double(next), .text(error), .int(seq)).run()
        }
    }

    /// How many sink deliveries are waiting.
    public func pendingSinkJobs() throws(StoreError) -> Int {
        try database.withLock { db throws(StoreError) -> Int in
            let statement = try db.prepare("SELECT COUNT(*) FROM sink_jobs")
            return try statement.step() ? Int(statement.int(0)) : 0
        }
    }

    /// Saves changed stories and, when `expireBefore` is given, deletes those last seen
    /// before it and all but the `keepNewest` most recently seen (the tracker keeps a bounded
    /// number in memory; the table must not keep every story it ever dropped), in one
    /// transaction.
    public func saveStories(_ stories: [(key: String, lastSeen: Double, data: String)], expireBefore: Double?, keepNewest: Int? = nil) throws(StoreError) {
        try database.withLock { db throws(StoreError) in
            try db.transaction { () throws(StoreError) in
                let save = try db.cached("INSERT OR REPLACE INTO stories(key, last_seen, data) VALUES(?, ?, ?)")
                // In key order: the rows fill the table's B-tree pages one after another
                // instead of splitting them at random (the end-of-poll save of about 7,000
                // stories: 30–35 ms → 21–25 ms).
                for story in stories.sorted(by: { $0.key < $1.key }) { try save.bind(.text(story.key), .double(story.lastSeen), .text(story.data)).run() }
                if let cutoff = expireBefore {
                    try db.cached("DELETE FROM stories WHERE last_seen < ?").bind(.double(cutoff)).run()
                    if let keepNewest {
                        try db.cached("DELETE FROM stories WHERE key IN (SELECT key FROM stories ORDER BY last_seen DESC LIMIT -1 OFFSET ?)")
                            .bind(.int(Int64(keepNewest))).run()
                    }
                }
            }
        }
    }

    /// The stored stories (key, JSON), most recently seen first, at most `limit` of them
    /// (nil: all), for the story tracker at start-up.
    public func stories(newest limit: Int? = nil) throws(StoreError) -> [(key: String, data: String)] {
        try database.withLock { db throws(StoreError) -> [(key: String, data: String)] in
            let statement = try db.prepare("SELECT key, data FROM stories ORDER BY last_seen DESC LIMIT ?")
            statement.bind(.int(Int64(limit ?? -1)))
            var out: [(key: String, data: String)] = []
            while try statement.step() { out.append((statement.text(0) ?? "", statement.text(1) ?? "")) }
            return out
        }
    }

    /// Alerts not yet written to the alerts log, oldest first.
    public func pendingAlerts(limit: Int = 1000) throws(StoreError) -> [OutboxEntry] {
        try database.withLock { db throws(StoreError) -> [OutboxEntry] in
            let statement = try db.cached("SELECT seq, alert_id, record FROM outbox WHERE delivered = 0 ORDER BY seq LIMIT ?")
            statement.bind(.int(Int64(limit)))
            var entries: [OutboxEntry] = []
            while try statement.step() {
                entries.append(OutboxEntry(sequence: statement.int(0), alertID: statement.text(1) ?? "", record: statement.text(2) ?? ""))
            }
            return entries
        }
    }

    /// Drops every outbox entry up to and including `sequence`: the alerts log has them now.
    /// (Kept, they doubled the log inside the state file for ever, and marking them rewrote
    /// every page that held one.) Sequence numbers are never reused (`AUTOINCREMENT`).
    /// `logPosition`, when given, is stored with it (``logPositionKey``).
    public func markDelivered(through sequence: Int64, logPosition: String? = nil) throws(StoreError) {
        try database.withLock { db throws(StoreError) in
            try db.transaction { () throws(StoreError) in
                try db.cached("DELETE FROM outbox WHERE seq <= ?").bind(.int(sequence)).run()
                if let logPosition { try Self.setMeta(Self.logPositionKey, logPosition, db) }
            }
        }
    }

    /// Number of items `feed` has seen.
    public func seenCount(feed: String) throws(StoreError) -> Int {
        try database.withLock { db throws(StoreError) -> Int in
            let statement = try db.prepare("SELECT COUNT(*) FROM seen WHERE feed = ?")
            statement.bind(.text(feed))
            return try statement.step() ? Int(statement.int(0)) : 0
        }
    }
}
