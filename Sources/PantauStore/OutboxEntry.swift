/// An alert waiting in the outbox for the alerts log.
public struct OutboxEntry: Sendable, Equatable {
    /// Position in the outbox, increasing.
    public var sequence: Int64
    /// The alert's stable id.
    public var alertID: String
    /// The JSON line to write (without newline).
    public var record: String

    /// Creates an entry.
    public init(sequence: Int64, alertID: String, record: String) {
        self.sequence = sequence
        self.alertID = alertID
        self.record = record
    }
}
