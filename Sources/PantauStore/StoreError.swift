/// A SQLite failure with the operation, the database file and SQLite's own message.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// What Pantau was doing (`opening`, `preparing "INSERT …"`).
    public var operation: String
    /// The database file.
    public var path: String
    /// SQLite's result code.
    public var code: Int32
    /// SQLite's message.
    public var message: String

    /// Creates an error.
    public init(operation: String, path: String, code: Int32, message: String) {
        self.operation = operation
        self.path = path
        self.code = code
        self.message = message
    }

    /// One line: `path: operation failed: message (SQLite code N)`.
    public var description: String {
        "\(path): \(operation) failed: \(message) (SQLite code \(code)); check that the state directory is writable and the disk is not full"
    }
}
