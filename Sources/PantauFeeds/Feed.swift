import struct Foundation.Date

/// The shared feed model every format adapts into.
public struct Feed: Sendable {
    /// Which wire format the document was.
    public var format: FeedFormat
    /// The format's version as the document declares it (`2.0`, `1.0`, `0.91`, `0.3`, `1.1`).
    public var version: String
    /// Subtitle or description, plain text.
    public var subtitle: String?
    /// Last update of the feed, when given and parseable.
    public var updated: Date?
    /// The update date as written.
    public var updatedRaw: String?
    /// Feed-level authors.
    public var authors: [FeedAuthor] = []
    /// Feed title, plain text.
    public var title: String?
    /// The site's link.
    public var link: String?
    /// Feed-level id (Atom `id`), if any.
    public var id: String?
    /// Declared language (`id`, `en-US`), if any.
    public var language: String?
    /// Items in document order.
    public var items: [FeedItem]
    /// False when the XML needed recovery.
    public var wellFormed: Bool
    /// The feed's own minimum polling interval in seconds, from RSS `<ttl>` or
    /// `sy:updatePeriod` / `sy:updateFrequency`, when it declares one.
    public var minimumPollInterval: Double?

    /// Creates a feed.
    public init(format: FeedFormat, version: String = "", title: String? = nil, link: String? = nil, id: String? = nil, language: String? = nil,
                items: [FeedItem] = [], wellFormed: Bool = true, minimumPollInterval: Double? = nil,
                subtitle: String? = nil, updated: Date? = nil, updatedRaw: String? = nil, authors: [FeedAuthor] = []) {
        self.minimumPollInterval = minimumPollInterval
        self.format = format
        self.version = version
        self.subtitle = subtitle
        self.updated = updated
        self.updatedRaw = updatedRaw
        self.authors = authors
        self.title = title
        self.link = link
        self.id = id
        self.language = language
        self.items = items
        self.wellFormed = wellFormed
    }
}

extension Feed {
    /// Average seconds between consecutive items, from the newest 20 publication dates;
    /// nil with fewer than two dated items or when they all share one date.
    public var publishingGap: Double? {
        let dates = items.compactMap(\.published).sorted(by: >).prefix(20)
        guard dates.count >= 2, let newest = dates.first, let oldest = dates.last, newest > oldest else { return nil }
        return newest.timeIntervalSince(oldest) / Double(dates.count - 1)
    }
}
