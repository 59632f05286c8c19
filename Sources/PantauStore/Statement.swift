import CSQLite

/// A prepared statement. Bind with ``bind(_:)``, read rows with ``step()``.
final class Statement {
    let handle: OpaquePointer
    /// For error messages. Not owned: the connection keeps its cached statements, and an
    /// owning reference back made a cycle that kept every connection open for good.
    unowned let database: SQLiteDatabase

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

    /// Ends the current use: a statement left on a row keeps a read transaction open,
    /// which would stop WAL checkpoints.
    func reset() {
        sqlite3_reset(handle)
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
