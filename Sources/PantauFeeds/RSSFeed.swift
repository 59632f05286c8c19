/// RSS (0.90, 0.91, 0.92, 1.0/RDF, 2.0) as it appears on the wire: strings as written, before
/// any interpretation, plus the common extensions (content, Dublin Core, Media RSS, atom:link).
struct RSSFeed {
    struct Item {
        var title: String?
        var link: String?
        var guid: String?
        var guidIsPermaLink = true
        /// `rdf:about` (RSS 1.0).
        var about: String?
        var pubDate: String?
        var dcDate: String?
        var description: String?
        var contentEncoded: String?
        var mediaDescription: String?
        var authors: [String] = []
        var categories: [String] = []
        var enclosures: [(url: String, type: String?, length: String?)] = []
        var atomLinks: [(rel: String, href: String)] = []
        var source: (title: String?, url: String?)?
        /// The element's base for relative links.
        var base: String?
    }

    var version: String
    var title: String?
    var link: String?
    var description: String?
    var language: String?
    var pubDate: String?
    var lastBuildDate: String?
    var dcDate: String?
    var managingEditor: String?
    var dcCreator: String?
    var atomLinks: [(rel: String, href: String)] = []
    var ttl: String?
    var updatePeriod: String?
    var updateFrequency: String?
    var base: String?
    var items: [Item] = []

    static let contentNS = "http://purl.org/rss/1.0/modules/content/"
    static let dcNS = "http://purl.org/dc/elements/1.1/"
    static let syNS = "http://purl.org/rss/1.0/modules/syndication/"
    static let mediaNS = "http://search.yahoo.com/mrss/"
    static let atomNS = "http://www.w3.org/2005/Atom"
    static let rdfNS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

    /// Reads an `<rss>` or `<rdf:RDF>` tree.
    init(root: XMLElement) {
        if root.name == "RDF" {
            let ns = root.children.first { $0.name == "channel" }?.namespace ?? ""
            version = ns == "http://my.netscape.com/rdf/simple/0.9/" ? "0.90" : "1.0"
        } else {
            version = root.attributes["version"] ?? "2.0"
        }
        let channel = root.child("channel") ?? root
        base = channel.base
        title = channel.child("title", namespace: channel.namespace)?.allText ?? channel.child("title")?.allText
        link = (channel.child("link", namespace: channel.namespace) ?? channel.child("link", namespace: ""))?.trimmedText
        description = channel.child("description")?.allText
        language = channel.child("language")?.trimmedText ?? channel.child("language", namespace: Self.dcNS)?.trimmedText
        pubDate = channel.child("pubDate")?.trimmedText
        lastBuildDate = channel.child("lastBuildDate")?.trimmedText
        dcDate = channel.child("date", namespace: Self.dcNS)?.trimmedText
        managingEditor = channel.child("managingEditor")?.trimmedText
        dcCreator = channel.child("creator", namespace: Self.dcNS)?.trimmedText
        atomLinks = Self.atomLinks(channel)
        ttl = channel.child("ttl")?.trimmedText
        updatePeriod = channel.child("updatePeriod", namespace: Self.syNS)?.trimmedText
        updateFrequency = channel.child("updateFrequency", namespace: Self.syNS)?.trimmedText
        // RSS 0.90/1.0 put items beside the channel; 2.0 inside it.
        let itemElements = Array(channel.children("item")) + (channel.name == "channel" ? Array(root.children("item")) : [])
        items = itemElements.map(Self.item)
    }

    static func item(_ element: XMLElement) -> Item {
        var item = Item()
        item.base = element.base
        item.title = element.child("title", namespace: element.namespace)?.allText ?? element.child("title")?.allText
        item.link = (element.child("link", namespace: element.namespace) ?? element.child("link", namespace: ""))?.trimmedText
        item.about = element.attributes["about"]
        if let guid = element.child("guid") {
            item.guid = guid.trimmedText
            item.guidIsPermaLink = guid.attributes["isPermaLink"]?.lowercased() != "false"
        }
        item.pubDate = element.child("pubDate")?.trimmedText
        item.dcDate = element.child("date", namespace: dcNS)?.trimmedText
        item.description = element.child("description", namespace: element.namespace)?.allText ?? element.child("description")?.allText
        item.contentEncoded = element.child("encoded", namespace: contentNS)?.allText
        for child in element.children {
            switch (child.namespace, child.name) {
            case (_, "author") where child.namespace != atomNS:
                if let text = child.trimmedText { item.authors.append(text) }
            case (dcNS, "creator"):
                if let text = child.trimmedText { item.authors.append(text) }
            case (_, "category") where child.namespace != atomNS, (dcNS, "subject"):
                if let text = child.trimmedText { item.categories.append(text) }
            case (_, "enclosure") where child.namespace != atomNS:
                if let url = child.attributes["url"] { item.enclosures.append((url, child.attributes["type"], child.attributes["length"])) }
            case (mediaNS, "content"):
                if let url = child.attributes["url"] { item.enclosures.append((url, child.attributes["type"], child.attributes["fileSize"])) }
                if item.mediaDescription == nil { item.mediaDescription = child.child("description", namespace: mediaNS)?.allText }
            case (mediaNS, "group"):
                for content in child.children("content", namespace: mediaNS) {
                    if let url = content.attributes["url"] { item.enclosures.append((url, content.attributes["type"], content.attributes["fileSize"])) }
                }
                if item.mediaDescription == nil { item.mediaDescription = child.child("description", namespace: mediaNS)?.allText }
            case (mediaNS, "thumbnail"):
                if let url = child.attributes["url"] { item.enclosures.append((url, "image", nil)) }
            case (mediaNS, "description"):
                item.mediaDescription = child.allText
            case (_, "source") where child.namespace != atomNS:
                item.source = (child.trimmedText, child.attributes["url"])
            default:
                break
            }
        }
        item.atomLinks = atomLinks(element)
        return item
    }

    static func atomLinks(_ element: XMLElement) -> [(rel: String, href: String)] {
        element.children("link", namespace: atomNS).compactMap { link in
            guard let href = link.attributes["href"] else { return nil }
            return (link.attributes["rel"] ?? "alternate", FeedURL.resolve(href, against: link.base))
        }
    }
}

extension RSSFeed {
    /// The feed's own minimum interval in seconds: `<ttl>` minutes, or the
    /// `sy:updatePeriod` divided by `sy:updateFrequency`; the larger when both are given.
    var minimumPollInterval: Double? {
        var bound: Double?
        if let ttl, let minutes = Double(ttl), minutes > 0 { bound = minutes * 60 }
        let periods: [String: Double] = ["hourly": 3600, "daily": 86_400, "weekly": 604_800, "monthly": 2_592_000, "yearly": 31_536_000]
        if let updatePeriod, let period = periods[updatePeriod.lowercased()] {
            let frequency = updateFrequency.flatMap(Double.init).map { max($0, 1) } ?? 1
            bound = max(bound ?? 0, period / frequency)
        }
        return bound
    }
}
