/// RSS 2.0 as it appears on the wire: strings as written, before any interpretation.
struct RSSFeed {
    struct Item {
        var title: String?
        var link: String?
        var guid: String?
        var guidIsPermaLink = true
        var pubDate: String?
        var dcDate: String?
        var description: String?
        var contentEncoded: String?
    }

    var title: String?
    var link: String?
    var language: String?
    var items: [Item] = []

    static let contentNS = "http://purl.org/rss/1.0/modules/content/"
    static let dcNS = "http://purl.org/dc/elements/1.1/"

    /// Reads the `<rss><channel>` tree.
    init(root: XMLElement) {
        let channel = root.child("channel") ?? root
        title = channel.child("title", namespace: "")?.allText
        link = channel.child("link", namespace: "")?.trimmedText
        language = channel.child("language")?.trimmedText
        // RSS 0.90/1.0 put items beside the channel; 2.0 inside it.
        let itemElements = channel.children("item") + (channel.name == "channel" ? root.children("item") : [])
        items = itemElements.map { element in
            var item = Item()
            item.title = element.child("title", namespace: "")?.allText
            item.link = element.child("link", namespace: "")?.trimmedText
            if let guid = element.child("guid") {
                item.guid = guid.trimmedText
                item.guidIsPermaLink = guid.attributes["isPermaLink"]?.lowercased() != "false"
            }
            item.pubDate = element.child("pubDate")?.trimmedText
            item.dcDate = element.child("date", namespace: Self.dcNS)?.trimmedText
            item.description = element.child("description")?.allText
            item.contentEncoded = element.child("encoded", namespace: Self.contentNS)?.allText
            return item
        }
    }
}
