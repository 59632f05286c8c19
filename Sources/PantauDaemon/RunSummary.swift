/// Totals of a run (`pantau run --once` prints them).
public struct RunSummary: Sendable, Equatable {
    /// Feeds polled.
    public var feedsPolled = 0
    /// Feeds whose poll failed.
    public var feedsFailed = 0
    /// Items in fetched documents.
    public var items = 0
    /// New items.
    public var newItems = 0
    /// Alerts raised.
    public var alerts = 0

    /// Creates an empty summary.
    public init() {}

    mutating func add(_ report: FeedReport) {
        feedsPolled += 1
        if report.error != nil { feedsFailed += 1 }
        items += report.items
        newItems += report.newItems
        alerts += report.alerts
    }
}
