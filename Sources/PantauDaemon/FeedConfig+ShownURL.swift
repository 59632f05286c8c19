import PantauConfig
import PantauFetch

extension FeedConfig {
    /// The feed's URL as logs, errors, `pantau status` and alert lines show it: without its
    /// credentials (``URLRedaction/redact(_:)``).
    public var shownURL: String { URLRedaction.redact(url) }
}
