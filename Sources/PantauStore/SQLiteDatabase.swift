import CSQLite

/// A thin SQLite connection: open, execute, prepare, transactions. Every failing call
/// becomes a ``StoreError`` naming the operation and the file. Not thread-safe by itself;
/// ``StateStore`` serialises access.
final class SQLiteDatabase {
    let handle: OpaquePointer
    let path: String

    init(path: String) throws(StoreError) {
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
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

    deinit { sqlite3_close_v2(handle) }

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

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT`; rolls back if it throws.
    func transaction<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }
}

/// A prepared statement. Bind with ``bind(_:)``, read rows with ``step()``.
final class Statement {
    let handle: OpaquePointer
    let database: SQLiteDatabase

    init(handle: OpaquePointer, database: SQLiteDatabase) {
        self.handle = handle
        self.database = database
    }

    deinit { sqlite3_finalize(handle) }

    /// A bindable value.
    enum Value {
        case text(String?)
        case int(Int64)
        case double(Double)
    }

    /// Resets the statement and binds `values` to parameters 1…n.
    @discardableResult
    func bind(_ values: Value...) -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            switch value {
            case .text(let text?): sqlite3_bind_text(handle, index, text, -1, csqlite_transient)
            case .text(nil): sqlite3_bind_null(handle, index)
            case .int(let int): sqlite3_bind_int64(handle, index, int)
            case .double(let double): sqlite3_bind_double(handle, index, double)
            }
        }
        return self
    }

    /// Advances; true while there is a row.
    func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error("running \(String(cString: sqlite3_sql(handle)).prefix(60))", code)
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws(StoreError) {
        _ = try step()
    }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(handle, column) else { return nil }
        return String(cString: pointer)
    }

    func int(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(handle, column) == SQLITE_NULL ? nil : sqlite3_column_double(handle, column)
    }
}
