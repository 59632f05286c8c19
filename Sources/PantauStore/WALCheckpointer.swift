import CSQLite
import Dispatch
import Synchronization

/// Copies the write-ahead log back into the database file on its own connection and queue,
/// so that writers never wait for it.
///
/// SQLite's automatic checkpoint runs inside the commit that crosses its threshold. There,
/// with ``StateStore``'s lock held, every other writer (the pipeline's workers) waits while
/// megabytes are copied and two `fdatasync`s complete: a cold poll of 1,000 feeds spent
/// 14 % of its wall time so. Instead, the store's connection reports each commit's WAL size
/// through `sqlite3_wal_hook` (which also turns the automatic checkpoint off), and past
/// ``threshold`` pages this type runs a PASSIVE checkpoint, which never waits for readers or
/// writers, on a background queue, one at a time; frames written meanwhile are taken by
/// further rounds, until one finds nothing new.
final class WALCheckpointer: Sendable {
    /// WAL pages (4 KiB) after which a checkpoint is started: SQLite's own default.
    static let threshold: Int32 = 1000

    private let database: Mutex<SQLiteDatabase>
    private let queue = DispatchQueue(label: "pantau.store.checkpoint")
    private let running = Atomic<Bool>(false)
    /// Checkpoints run so far (for tests and diagnostics).
    let completed = Atomic<Int>(0)

    /// Opens a second connection to the database at `path`.
    init(path: String) throws(StoreError) {
        let db = try SQLiteDatabase(path: path)
        // A connection opens the file (and finds it is in WAL mode) on its first read; a
        // checkpoint on one that has not read yet does nothing.
        try db.execute("SELECT 1 FROM sqlite_master LIMIT 1")
        database = Mutex(db)
    }

    /// Makes `connection` report its commits here (replacing SQLite's automatic checkpoint).
    /// The store keeps this checkpointer alive as long as its connection.
    func attach(to connection: SQLiteDatabase) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_wal_hook(connection.handle, { context, _, _, pages in
            Unmanaged<WALCheckpointer>.fromOpaque(context!).takeUnretainedValue().walGrew(to: pages)
            return SQLITE_OK
        }, context)
    }

    /// After a commit (on the writer's thread, inside its lock): starts a checkpoint when the
    /// WAL holds `pages` or more and none is running. Costs an atomic load otherwise.
    func walGrew(to pages: Int32) {
        guard pages >= Self.threshold else { return }
        start()
    }

    /// Starts PASSIVE checkpoint rounds on the background queue unless some are running.
    func start() {
        guard running.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        queue.async { [self] in
            // Frames committed while a round runs are taken by the next round, until a round
            // finds nothing new (then the next commit starts the WAL over) or cannot go on
            // (a reader still needs older frames).
            var copied: Int32 = -1
            while true {
                let (code, _, backfilled) = checkpoint(SQLITE_CHECKPOINT_PASSIVE)
                guard code == SQLITE_OK, backfilled > copied else { break }
                copied = backfilled
            }
            running.store(false, ordering: .releasing)
        }
    }

    /// Copies every frame back and truncates the WAL to nothing, waiting (up to the busy
    /// timeout) for other connections: at shutdown, so the database file alone holds the
    /// state. Returns SQLite's result code.
    @discardableResult
    func checkpointAll() -> Int32 {
        queue.sync { checkpoint(SQLITE_CHECKPOINT_TRUNCATE).code }
    }

    /// Runs one checkpoint; returns the result code, the frames in the WAL and how many of
    /// them are now in the database file.
    private func checkpoint(_ mode: Int32) -> (code: Int32, frames: Int32, backfilled: Int32) {
        var frames: Int32 = 0, backfilled: Int32 = 0
        let code = database.withLock { db in sqlite3_wal_checkpoint_v2(db.handle, nil, mode, &frames, &backfilled) }
        completed.wrappingAdd(1, ordering: .relaxed)
        return (code, frames, backfilled)
    }

    /// Returns once the checkpoint running now (if any) has finished.
    func wait() {
        queue.sync {}
    }
}
