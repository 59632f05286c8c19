import struct Foundation.Date

/// What the store remembers about one feed between polls.
public struct FeedState: Sendable, Equatable {
    /// The feed's configured name.
    public var name: String
    /// The URL the validators belong to.
    public var url: String
    /// `ETag` of the last 200 response.
    public var etag: String?
    /// `Last-Modified` of the last 200 response.
    public var lastModified: String?
    /// Last HTTP status (0 for `file://`), nil when the last poll failed before a response.
    public var lastStatus: Int?
    /// The last poll's error, nil when it succeeded.
    public var lastError: String?
    /// When the feed was last polled.
    public var lastPoll: Date?
    /// When the feed last succeeded (200 or 304).
    public var lastSuccess: Date?
    /// Failed polls in a row.
    public var consecutiveErrors: Int
    /// Where permanent redirects (301, 308) lead, as last seen.
    public var movedTo: String?
    /// Polls in a row that were permanently redirected to ``movedTo``; from
    /// ``StateStore/redirectsBeforeMove`` on, Pantau fetches ``movedTo`` directly.
    public var permanentRedirects: Int
    /// When the running daemon will poll the feed next (for `pantau status`).
    public var nextPoll: Date?
    /// When ids the feed no longer lists were last forgotten (see ``StagedCommit/prune``);
    /// nil until the feed's first successful poll starts the clock.
    public var seenPruned: Date?

    /// Creates a feed state.
    public init(name: String, url: String, etag: String? = nil, lastModified: String? = nil, lastStatus: Int? = nil,
                lastError: String? = nil, lastPoll: Date? = nil, lastSuccess: Date? = nil, consecutiveErrors: Int = 0,
                movedTo: String? = nil, permanentRedirects: Int = 0, nextPoll: Date? = nil, seenPruned: Date? = nil) {
        self.nextPoll = nextPoll
        self.seenPruned = seenPruned
        self.movedTo = movedTo
        self.permanentRedirects = permanentRedirects
        self.name = name
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.lastStatus = lastStatus
        self.lastError = lastError
        self.lastPoll = lastPoll
        self.lastSuccess = lastSuccess
        self.consecutiveErrors = consecutiveErrors
    }
}

extension FeedState {
    /// The URL to fetch: ``movedTo`` once the feed has been permanently redirected there
    /// ``StateStore/redirectsBeforeMove`` times in a row, else the configured URL.
    public var fetchURL: String {
        if let movedTo, permanentRedirects >= StateStore.redirectsBeforeMove { return movedTo }
        return url
    }
}
