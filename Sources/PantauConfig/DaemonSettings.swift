/// `[daemon]` settings.
public struct DaemonSettings: Sendable, Hashable {
    /// Where the SQLite state lives (`state_dir`).
    public var stateDirectory: String
    /// The JSON Lines alerts log (`alerts_log`).
    public var alertsLog: String
    /// Default seconds between polls of a feed (`poll_interval`).
    public var pollInterval: Double
    /// Transfers at once (`max_concurrent_fetches`).
    public var maxConcurrentFetches: Int
    /// Directory of watch lists (`watch_dir`).
    public var watchDirectory: String
    /// Largest feed body accepted, in bytes (`max_body_bytes`).
    public var maxBodyBytes: Int
    /// Seconds allowed for one fetch (`fetch_timeout`).
    public var fetchTimeout: Double
    /// Seconds allowed to connect, TLS included (`connect_timeout`).
    public var connectTimeout: Double
    /// Fetches per host at once (`max_per_host`).
    public var maxPerHost: Int
    /// Bytes per second below which a transfer is slow (`low_speed_limit`).
    public var lowSpeedLimit: Int
    /// Seconds a transfer may stay slow before it is cut (`low_speed_time`).
    public var lowSpeedTime: Double
    /// A URL or address publishers can reach the operator at, added to the `User-Agent`
    /// (`user_agent_contact`).
    public var userAgentContact: String?
    /// Seconds a story stays open to further reports (`story_window`, default 72 hours).
    public var storyWindow: Double = 72 * 3600
    /// Seconds an item id is remembered after it was first seen, once its feed no longer
    /// lists it (`seen_retention`, default 90 days): older ids are forgotten, so the state
    /// does not grow for ever. An id the feed still lists is always kept.
    public var seenRetention: Double = 90 * 86_400

    /// Creates settings with the packaged defaults.
    public init(stateDirectory: String = "/var/lib/pantau", alertsLog: String = "/var/log/pantau/alerts.jsonl",
                pollInterval: Double = 900, maxConcurrentFetches: Int = 16, watchDirectory: String = "/etc/pantau/watch.d",
                maxBodyBytes: Int = 10 << 20, fetchTimeout: Double = 30, connectTimeout: Double = 10, maxPerHost: Int = 2,
                lowSpeedLimit: Int = 64, lowSpeedTime: Double = 15) {
        self.connectTimeout = connectTimeout
        self.maxPerHost = maxPerHost
        self.lowSpeedLimit = lowSpeedLimit
        self.lowSpeedTime = lowSpeedTime
        self.stateDirectory = stateDirectory
        self.alertsLog = alertsLog
        self.pollInterval = pollInterval
        self.maxConcurrentFetches = maxConcurrentFetches
        self.watchDirectory = watchDirectory
        self.maxBodyBytes = maxBodyBytes
        self.fetchTimeout = fetchTimeout
    }
}
