/// Atom 1.0 and 0.3 as they appear on the wire.
struct AtomFeed {
    struct Text {
        /// `text`, `html` or `xhtml` (Atom 0.3 `mode="escaped"` reads as `html`).
        var type: String
        var value: String
    }

    struct Link {
        var rel: String
        var href: String
        var type: String?
        var length: String?
    }

    struct Person {
        var name: String?
        var email: String?
        var uri: String?
    }

    struct Entry {
        var id: String?
        var title: Text?
        var links: [Link] = []
        var published: String?
        var updated: String?
        var summary: Text?
        var content: Text?
        var authors: [Person] = []
        var categories: [String] = []
    }

    static let namespace = "http://www.w3.org/2005/Atom"
    static let namespace03 = "http://purl.org/atom/ns#"

    var version: String
    var id: String?
    var title: Text?
    var subtitle: Text?
    var updated: String?
    var links: [Link] = []
    var authors: [Person] = []
    var language: String?
    var entries: [Entry] = []

    /// Reads a `<feed>` tree.
    init(root: XMLElement) {
        version = root.namespace == Self.namespace03 || root.attributes["version"] == "0.3" ? "0.3" : "1.0"
        id = root.child("id")?.trimmedText
        title = Self.text(root.child("title"))
        subtitle = Self.text(root.child("subtitle") ?? root.child("tagline"))
        updated = root.child("updated")?.trimmedText ?? root.child("modified")?.trimmedText
        links = Self.links(root)
        authors = root.children("author").map(Self.person)
        language = root.attributes["lang"]
        entries = root.children("entry").map { element in
            var entry = Entry()
            entry.id = element.child("id")?.trimmedText
            entry.title = Self.text(element.child("title"))
            entry.links = Self.links(element)
            entry.published = element.child("published")?.trimmedText ?? element.child("issued")?.trimmedText ?? element.child("created")?.trimmedText
            entry.updated = element.child("updated")?.trimmedText ?? element.child("modified")?.trimmedText
            entry.summary = Self.text(element.child("summary"))
            entry.content = Self.text(element.child("content"))
            entry.authors = element.children("author").map(Self.person)
            entry.categories = element.children("category").compactMap { $0.attributes["label"] ?? $0.attributes["term"] ?? $0.trimmedText }
            return entry
        }
    }

    static func text(_ element: XMLElement?) -> Text? {
        guard let element else { return nil }
        var type = element.attributes["type"] ?? "text"
        // Atom 0.3: type is a media type, mode says whether markup is escaped.
        if type == "text/html" || type == "application/xhtml+xml" || element.attributes["mode"] == "escaped" { type = "html" }
        if type == "text/plain" { type = "text" }
        return Text(type: type, value: element.allText)
    }

    static func links(_ element: XMLElement) -> [Link] {
        element.children("link").compactMap { link in
            guard let href = link.attributes["href"] else { return nil }
            return Link(rel: link.attributes["rel"] ?? "alternate", href: FeedURL.resolve(href, against: link.base),
                        type: link.attributes["type"], length: link.attributes["length"])
        }
    }

    static func person(_ element: XMLElement) -> Person {
        Person(name: element.child("name")?.trimmedText, email: element.child("email")?.trimmedText,
               uri: element.child("uri")?.trimmedText.map { FeedURL.resolve($0, against: element.base) } ?? element.child("url")?.trimmedText)
    }
}
