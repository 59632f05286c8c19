/// One `[[feed]]`.
public struct FeedConfig: Sendable, Hashable {
    /// Unique name, used in alerts and state.
    public var name: String
    /// The URL to fetch; a `path` becomes an absolute `file://` URL.
    public var url: String
    /// Seconds between polls before Pantau has learnt how often the feed publishes.
    public var interval: Double
    /// Shortest interval the feed may be polled at (`min_interval`, default `interval`).
    public var minInterval: Double
    /// Longest interval the feed may be left alone (`max_interval`, default the larger of
    /// `interval` and one hour).
    public var maxInterval: Double
    /// The feed's language, or `nil` to detect per item (`language = "auto"`).
    public var language: String?
    /// PEM file of CA certificates to trust for this feed (`ca_file`).
    public var caFile: String?
    /// Watch lists this feed is limited to (`watches`; empty: all).
    public var watches: [String] = []

    /// Creates a feed.
    public init(name: String, url: String, interval: Double = 900, minInterval: Double? = nil, maxInterval: Double? = nil,
                language: String? = nil, caFile: String? = nil) {
        self.name = name
        self.url = url
        self.interval = interval
        self.minInterval = minInterval ?? interval
        self.maxInterval = maxInterval ?? max(interval, 3600)
        self.language = language
        self.caFile = caFile
    }
}
