/// Feed wire formats Pantau reads.
public enum FeedFormat: String, Sendable, Codable {
    /// RSS 2.0 (and the 0.9x family that shares its shape).
    case rss = "rss"
    /// Atom 1.0.
    case atom = "atom"
}
