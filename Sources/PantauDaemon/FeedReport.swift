/// What one poll of one feed did, for the scheduler, the logs and the run summary.
public struct FeedReport: Sendable, Equatable {
    /// The feed's name.
    public var feed: String
    /// HTTP status (0 for `file://`), nil if no response arrived.
    public var status: Int?
    /// Items in the fetched document (0 on 304 or failure).
    public var items: Int = 0
    /// Items not seen before.
    public var newItems: Int = 0
    /// Alerts raised for the new items.
    public var alerts: Int = 0
    /// Why the poll failed, nil on success.
    public var error: String?
    /// The server's requested delay before the next attempt, in seconds.
    public var retryAfter: Double?

    /// Creates a report.
    public init(feed: String, status: Int? = nil, items: Int = 0, newItems: Int = 0, alerts: Int = 0, error: String? = nil, retryAfter: Double? = nil) {
        self.feed = feed
        self.status = status
        self.items = items
        self.newItems = newItems
        self.alerts = alerts
        self.error = error
        self.retryAfter = retryAfter
    }

    /// The scheduler's view of this poll.
    var outcome: PollScheduler<SystemRandomNumberGenerator>.Outcome {
        error == nil ? .success : .failure(retryAfter: retryAfter)
    }
}

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
