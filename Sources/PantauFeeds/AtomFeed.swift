/// Atom 1.0 as it appears on the wire.
struct AtomFeed {
    struct Text {
        var type: String
        var value: String
    }

    struct Entry {
        var id: String?
        var title: Text?
        var links: [(rel: String, href: String)] = []
        var published: String?
        var updated: String?
        var summary: Text?
        var content: Text?
    }

    static let namespace = "http://www.w3.org/2005/Atom"

    var id: String?
    var title: Text?
    var links: [(rel: String, href: String)] = []
    var language: String?
    var entries: [Entry] = []

    /// Reads a `<feed>` tree.
    init(root: XMLElement) {
        id = root.child("id")?.trimmedText
        title = Self.text(root.child("title"))
        links = Self.links(root)
        language = root.attributes["lang"]
        entries = root.children("entry").map { element in
            var entry = Entry()
            entry.id = element.child("id")?.trimmedText
            entry.title = Self.text(element.child("title"))
            entry.links = Self.links(element)
            entry.published = element.child("published")?.trimmedText ?? element.child("issued")?.trimmedText
            entry.updated = element.child("updated")?.trimmedText ?? element.child("modified")?.trimmedText
            entry.summary = Self.text(element.child("summary"))
            entry.content = Self.text(element.child("content"))
            return entry
        }
    }

    static func text(_ element: XMLElement?) -> Text? {
        guard let element else { return nil }
        return Text(type: element.attributes["type"] ?? "text", value: element.allText)
    }

    static func links(_ element: XMLElement) -> [(rel: String, href: String)] {
        element.children("link").compactMap { link in
            guard let href = link.attributes["href"] else { return nil }
            return (link.attributes["rel"] ?? "alternate", href)
        }
    }
}
