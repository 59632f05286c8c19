import struct Foundation.Date

/// The shared feed model every format adapts into.
public struct Feed: Sendable {
    /// Which wire format the document was.
    public var format: FeedFormat
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

    /// Creates a feed.
    public init(format: FeedFormat, title: String? = nil, link: String? = nil, id: String? = nil, language: String? = nil, items: [FeedItem] = [], wellFormed: Bool = true) {
        self.format = format
        self.title = title
        self.link = link
        self.id = id
        self.language = language
        self.items = items
        self.wellFormed = wellFormed
    }
}

/// One entry of a feed, as plain text.
public struct FeedItem: Sendable, Hashable {
    /// Stable identity: guid/id, else link, else a hash of title, date and summary.
    public var id: String
    /// Title, plain text.
    public var title: String
    /// Link to the article.
    public var link: String?
    /// Publication date, when it could be parsed.
    public var published: Date?
    /// The date as written in the feed.
    public var publishedRaw: String?
    /// Summary or description, plain text.
    public var summary: String
    /// Full content (`content:encoded`, Atom `content`), plain text; empty when absent.
    public var content: String

    /// Creates an item.
    public init(id: String, title: String, link: String? = nil, published: Date? = nil, publishedRaw: String? = nil, summary: String = "", content: String = "") {
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.publishedRaw = publishedRaw
        self.summary = summary
        self.content = content
    }

    /// The text to analyse: title, then the longer of content and summary, one per paragraph.
    public var analysisText: String {
        let body = content.count >= summary.count ? content : summary
        if title.isEmpty { return body }
        if body.isEmpty { return title }
        return title + "\n" + body
    }
}

/// Feed wire formats Pantau reads.
public enum FeedFormat: String, Sendable, Codable {
    /// RSS 2.0 (and the 0.9x family that shares its shape).
    case rss = "rss"
    /// Atom 1.0.
    case atom = "atom"
}
