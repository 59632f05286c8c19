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
