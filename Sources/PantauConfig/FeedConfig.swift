/// One `[[feed]]`.
public struct FeedConfig: Sendable, Hashable {
    /// Unique name, used in alerts and state.
    public var name: String
    /// The URL to fetch; a `path` becomes an absolute `file://` URL.
    public var url: String
    /// Seconds between polls.
    public var interval: Double
    /// The feed's language, or `nil` to detect per item (`language = "auto"`).
    public var language: String?

    /// Creates a feed.
    public init(name: String, url: String, interval: Double = 900, language: String? = nil) {
        self.name = name
        self.url = url
        self.interval = interval
        self.language = language
    }
}
