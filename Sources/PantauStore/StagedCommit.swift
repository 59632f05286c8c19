import Foundation

/// One feed's ingest result waiting to be written: the items now seen, the alerts (and sink
/// jobs) they raised. Written whole, inside one transaction, by ``StateStore/commitStaged()``.
public struct StagedCommit: Sendable {
    /// The feed's name.
    public var feed: String
    /// Item ids now seen.
    public var items: [String]
    /// (alert id, JSON record) for the alerts log (or, when it cannot take them, the outbox).
    public var alerts: [(id: String, record: String)]
    /// Deliveries to sinks: (sink id, alert id, JSON record).
    public var sinkJobs: [(sink: String, alertID: String, record: String)]
    /// When the items were seen.
    public var now: Date
    /// Forget the feed's seen ids that are not in `keep` (what the feed lists now) and were
    /// first seen before `firstSeenBefore`; nil leaves them.
    public var prune: (keep: [String], firstSeenBefore: Date)?

    /// Creates a staged commit.
    public init(feed: String, items: [String], alerts: [(id: String, record: String)],
                sinkJobs: [(sink: String, alertID: String, record: String)] = [], now: Date = Date(),
                prune: (keep: [String], firstSeenBefore: Date)? = nil) {
        self.feed = feed
        self.items = items
        self.alerts = alerts
        self.sinkJobs = sinkJobs
        self.now = now
        self.prune = prune
    }
}
