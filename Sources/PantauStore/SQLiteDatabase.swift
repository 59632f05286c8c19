import CSQLite

/// A thin SQLite connection: open, execute, prepare, transactions. Every failing call
/// becomes a ``StoreError`` naming the operation and the file. Not thread-safe by itself;
/// ``StateStore`` serialises access.
final class SQLiteDatabase: @unchecked Sendable {
    // @unchecked Sendable: used by one thread at a time, handed over by a `Mutex` (the
    // store's writer, the checkpointer) or taken out of and put back into the reader pool.
    let handle: OpaquePointer
    let path: String
    /// Prepared statements by SQL text, reused across calls (``cached(_:)``).
    var statements: [String: Statement] = [:]

    init(path: String, readOnly: Bool = false) throws(StoreError) {
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) | SQLITE_OPEN_NOMUTEX
        let code = sqlite3_open_v2(path, &db, flags, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close(db)
            throw StoreError(operation: "opening the database", path: path, code: code, message: message)
        }
        self.handle = db
        self.path = path
        sqlite3_busy_timeout(db, 5000)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A prepared statement for `sql`, prepared once and reused (reset on every bind).
    func cached(_ sql: String) throws(StoreError) -> Statement {
        if let statement = statements[sql] {
            sqlite3_reset(statement.handle)
            return statement
        }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    func error(_ operation: String, _ code: Int32) -> StoreError {
        StoreError(operation: operation, path: path, code: code, message: String(cString: sqlite3_errmsg(handle)))
    }

    func execute(_ sql: String) throws(StoreError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error("executing \(sql.prefix(60))", code) }
    }

    func prepare(_ sql: String) throws(StoreError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error("preparing \(sql.prefix(60))", code) }
        return Statement(handle: statement, database: self)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` (`BEGIN … COMMIT` when it only reads:
    /// one snapshot and one set of locks for many statements, instead of one per statement);
    /// rolls back if it throws.
    func transaction<T>(readOnly: Bool = false, _ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try cached(readOnly ? "BEGIN" : "BEGIN IMMEDIATE").run()
        do {
            let result = try body()
            try cached("COMMIT").run()
            return result
        } catch {
            try? cached("ROLLBACK").run()
            throw error
        }
    }
}
