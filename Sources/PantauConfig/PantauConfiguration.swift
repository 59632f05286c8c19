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
    /// The files as read, when ``ConfigLoader`` read them (nil for a configuration made in
    /// code). Changing the configuration in code afterwards does not change them: a reload
    /// compares the files, not the values.
    public var inputs: ConfigInputs?

    /// Creates a configuration.
    public init(configFile: String = "", daemon: DaemonSettings = DaemonSettings(), feeds: [FeedConfig] = [], watches: [WatchDefinition] = [], watchFiles: [String] = []) {
        self.configFile = configFile
        self.daemon = daemon
        self.feeds = feeds
        self.watches = watches
        self.watchFiles = watchFiles
    }
}
