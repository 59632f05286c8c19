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
        let names = ItemNames(root)
        items = itemElements.map { Self.item($0, names) }
    }

    /// The names an item's children are told apart by, as indices into one document's
    /// names (looked up once per document, then compared as integers).
    struct ItemNames {
        let title, link, guid, pubDate, date, description, encoded, author, creator, category, subject, enclosure,
            content, group, thumbnail, source, none, dc, contentModule, media, atom: Int32

        init(_ root: XMLElement) {
            func id(_ name: String) -> Int32 { root.document.id(of: name) }
            title = id("title"); link = id("link"); guid = id("guid"); pubDate = id("pubDate"); date = id("date")
            description = id("description"); encoded = id("encoded"); author = id("author"); creator = id("creator")
            category = id("category"); subject = id("subject"); enclosure = id("enclosure"); content = id("content")
            group = id("group"); thumbnail = id("thumbnail"); source = id("source")
            none = id(""); dc = id(RSSFeed.dcNS); contentModule = id(RSSFeed.contentNS); media = id(RSSFeed.mediaNS); atom = id(RSSFeed.atomNS)
        }
    }

    /// One item, its children read in one pass: the first `title`, `link` and `description`
    /// in the item's own namespace win over others, the first `guid`, `pubDate`, `dc:date`
    /// and `content:encoded` are taken, authors, categories, enclosures and atom links are
    /// collected in order.
    static func item(_ element: XMLElement, _ names: ItemNames) -> Item {
        var item = Item()
        item.base = element.base
        item.about = element.attributes["about"]
        let ns = element.namespaceID
        var titleOwn: XMLElement?, titleAny: XMLElement?, linkOwn: XMLElement?, linkPlain: XMLElement?
        var descriptionOwn: XMLElement?, descriptionAny: XMLElement?
        var guid: XMLElement?, pubDate: XMLElement?, dcDate: XMLElement?, encoded: XMLElement?
        for child in element.children {
            let name = child.nameID, space = child.namespaceID
            switch name {
            case names.title:
                if space == ns, titleOwn == nil { titleOwn = child }
                if titleAny == nil { titleAny = child }
            case names.link:
                if space == ns, linkOwn == nil { linkOwn = child }
                if space == names.none, linkPlain == nil { linkPlain = child }
                if space == names.atom, let link = atomLink(child) { item.atomLinks.append(link) }
            case names.description:
                if space == ns, descriptionOwn == nil { descriptionOwn = child }
                if descriptionAny == nil { descriptionAny = child }
                if space == names.media { item.mediaDescription = child.allText }
            case names.guid:
                if guid == nil { guid = child }
            case names.pubDate:
                if pubDate == nil { pubDate = child }
            case names.date where space == names.dc:
                if dcDate == nil { dcDate = child }
            case names.encoded where space == names.contentModule:
                if encoded == nil { encoded = child }
            case names.author where space != names.atom, names.creator where space == names.dc:
                if let text = child.trimmedText { item.authors.append(text) }
            case names.category where space != names.atom, names.subject where space == names.dc:
                if let text = child.trimmedText { item.categories.append(text) }
            case names.enclosure where space != names.atom:
                if let url = child.attributes["url"] { item.enclosures.append((url, child.attributes["type"], child.attributes["length"])) }
            case names.content where space == names.media:
                if let url = child.attributes["url"] { item.enclosures.append((url, child.attributes["type"], child.attributes["fileSize"])) }
                if item.mediaDescription == nil { item.mediaDescription = child.child("description", namespace: mediaNS)?.allText }
            case names.group where space == names.media:
                for content in child.children("content", namespace: mediaNS) {
                    if let url = content.attributes["url"] { item.enclosures.append((url, content.attributes["type"], content.attributes["fileSize"])) }
                }
                if item.mediaDescription == nil { item.mediaDescription = child.child("description", namespace: mediaNS)?.allText }
            case names.thumbnail where space == names.media:
                if let url = child.attributes["url"] { item.enclosures.append((url, "image", nil)) }
            case names.source where space != names.atom:
                item.source = (child.trimmedText, child.attributes["url"])
            default:
                break
            }
        }
        item.title = (titleOwn ?? titleAny)?.allText
        item.link = (linkOwn ?? linkPlain)?.trimmedText
        if let guid {
            item.guid = guid.trimmedText
            item.guidIsPermaLink = guid.attributes["isPermaLink"]?.lowercased() != "false"
        }
        item.pubDate = pubDate?.trimmedText
        item.dcDate = dcDate?.trimmedText
        item.description = (descriptionOwn ?? descriptionAny)?.allText
        item.contentEncoded = encoded?.allText
        return item
    }

    static func atomLinks(_ element: XMLElement) -> [(rel: String, href: String)] {
        element.children("link", namespace: atomNS).compactMap(atomLink)
    }

    /// An `atom:link`'s relation (`alternate` when absent) and its `href` resolved against
    /// the element's base; nil without an `href`.
    static func atomLink(_ link: XMLElement) -> (rel: String, href: String)? {
        guard let href = link.attributes["href"] else { return nil }
        return (link.attributes["rel"] ?? "alternate", FeedURL.resolve(href, against: link.base))
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
