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
    /// How often the feed publishes, when the document was parsed.
    public var hint: PollHint?
    /// The failure was the connection's (DNS, connect, TLS, timeout), not the feed's.
    public var hostWide = false

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
        error == nil ? .success(hint: hint) : .failure(retryAfter: retryAfter, hostWide: hostWide)
    }
}
