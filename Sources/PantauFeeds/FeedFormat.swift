/// Feed format families Pantau reads (the version is in ``Feed/version``).
public enum FeedFormat: String, Sendable, Codable {
    /// RSS 0.90, 0.91, 0.92, 1.0 (RDF) and 2.0.
    case rss = "rss"
    /// Atom 0.3 and 1.0.
    case atom = "atom"
    /// JSON Feed 1.0 and 1.1.
    case json = "json"
}
