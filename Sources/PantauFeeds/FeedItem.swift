import struct Foundation.Date

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
    /// Last update, when given and parseable.
    public var updated: Date?
    /// The update date as written in the feed.
    public var updatedRaw: String?
    /// Authors, in document order.
    public var authors: [FeedAuthor]
    /// Categories and tags, as written.
    public var categories: [String]
    /// Attached files.
    public var enclosures: [FeedEnclosure]
    /// The feed an item was taken from (RSS `source`), when the publisher says.
    public var source: FeedSource?

    /// Creates an item.
    public init(id: String, title: String, link: String? = nil, published: Date? = nil, publishedRaw: String? = nil, summary: String = "", content: String = "",
                updated: Date? = nil, updatedRaw: String? = nil, authors: [FeedAuthor] = [], categories: [String] = [], enclosures: [FeedEnclosure] = [],
                source: FeedSource? = nil) {
        self.source = source
        self.id = id
        self.title = title
        self.link = link
        self.published = published
        self.publishedRaw = publishedRaw
        self.summary = summary
        self.content = content
        self.updated = updated
        self.updatedRaw = updatedRaw
        self.authors = authors
        self.categories = categories
        self.enclosures = enclosures
    }

    /// The text to analyse: title, then the longer of content and summary, one per paragraph.
    public var analysisText: String {
        // The longer of the two (in bytes: `count` would walk every character).
        let body = content.utf8.count >= summary.utf8.count ? content : summary
        if title.isEmpty { return body }
        if body.isEmpty { return title }
        return title + "\n" + body
    }
}
