import PantauWatch

/// The whole, validated configuration: daemon settings, feeds and watch lists.
///
/// Every field has a default; ``ConfigLoader`` fills it from `pantau.toml` and `watch.d/`.
public struct PantauConfiguration: Sendable {
    /// The main config file (absolute path).
    public var configFile: String
    /// Daemon settings (`[daemon]`).
    public var daemon: DaemonSettings
    /// Feeds to poll (`[[feed]]`), in file order.
    public var feeds: [FeedConfig]
    /// Watch lists (`[[watch]]` in `watch.d/*.toml`), in lexical file order.
    public var watches: [WatchDefinition]
    /// The watch files read, in order.
    public var watchFiles: [String]

    /// Creates a configuration.
    public init(configFile: String = "", daemon: DaemonSettings = DaemonSettings(), feeds: [FeedConfig] = [], watches: [WatchDefinition] = [], watchFiles: [String] = []) {
        self.configFile = configFile
        self.daemon = daemon
        self.feeds = feeds
        self.watches = watches
        self.watchFiles = watchFiles
    }
}

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

    /// Creates settings with the packaged defaults.
    public init(stateDirectory: String = "/var/lib/pantau", alertsLog: String = "/var/log/pantau/alerts.jsonl",
                pollInterval: Double = 900, maxConcurrentFetches: Int = 16, watchDirectory: String = "/etc/pantau/watch.d",
                maxBodyBytes: Int = 10 << 20, fetchTimeout: Double = 30) {
        self.stateDirectory = stateDirectory
        self.alertsLog = alertsLog
        self.pollInterval = pollInterval
        self.maxConcurrentFetches = maxConcurrentFetches
        self.watchDirectory = watchDirectory
        self.maxBodyBytes = maxBodyBytes
        self.fetchTimeout = fetchTimeout
    }
}

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
