/// A person credited by a feed or an item (RSS `author`/`dc:creator`, Atom `author`,
/// JSON Feed `authors`).
public struct FeedAuthor: Sendable, Hashable, Codable {
    /// Display name, when given.
    public var name: String?
    /// E-mail address, when given.
    public var email: String?
    /// Home page, when given (absolute).
    public var uri: String?

    /// Creates an author.
    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    /// Reads RSS's `email (Name)` / `Name <email>` / plain name forms.
    static func rss(_ text: String) -> FeedAuthor? {
        let t: String = text.trimmingWhitespace()
        guard !t.isEmpty else { return nil }
        // Most authors are a plain name: no `(`, `<` or `@` byte, nothing to take apart.
        if !t.utf8.contains(where: { $0 == UInt8(ascii: "(") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "@") }) { return FeedAuthor(name: t) }
        if let open = t.firstIndex(of: "("), t.hasSuffix(")"), t[..<open].contains("@") {
            let email = t[..<open].trimmingWhitespace()
            let name = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingWhitespace()
            return FeedAuthor(name: name.isEmpty ? nil : name, email: email)
        }
        if let open = t.firstIndex(of: "<"), t.hasSuffix(">") {
            let name = t[..<open].trimmingWhitespace()
            let email = t[t.index(after: open)..<t.index(before: t.endIndex)].trimmingWhitespace()
            return FeedAuthor(name: name.isEmpty ? nil : name, email: email.isEmpty ? nil : email)
        }
        if t.contains("@") && !t.contains(" ") { return FeedAuthor(email: t) }
        return FeedAuthor(name: t)
    }
}

/// Where an item was first published (RSS `<source url="…">Title</source>`).
public struct FeedSource: Sendable, Hashable, Codable {
    /// The source feed's title.
    public var title: String?
    /// The source feed's URL (absolute).
    public var url: String?

    /// Creates a source.
    public init(title: String? = nil, url: String? = nil) {
        self.title = title
        self.url = url
    }
}

/// A file attached to an item (RSS `enclosure`, `media:content`, Atom `link rel="enclosure"`,
/// JSON Feed `attachments`).
public struct FeedEnclosure: Sendable, Hashable, Codable {
    /// Absolute URL.
    public var url: String
    /// Media type, when given.
    public var type: String?
    /// Length in bytes, when given.
    public var length: Int?

    /// Creates an enclosure.
    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}
