import Foundation

/// Why the alerts log could not be written. Alerts stay in the outbox meanwhile.
public struct AlertLogError: Error, Sendable, CustomStringConvertible {
    /// The log's path.
    public var path: String
    /// What was being done.
    public var operation: String
    /// The system error number.
    public var errno: Int32

    /// `path: operation failed: strerror`.
    public var description: String {
        "\(path): \(operation) failed: \(String(cString: strerror(errno))); alerts are kept in the state database until the log is writable"
    }
}
