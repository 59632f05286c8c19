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
    var ttl: String?
    var updatePeriod: String?
    var updateFrequency: String?
    var items: [Item] = []

    static let contentNS = "http://purl.org/rss/1.0/modules/content/"
    static let dcNS = "http://purl.org/dc/elements/1.1/"
    static let syNS = "http://purl.org/rss/1.0/modules/syndication/"

    /// Reads the `<rss><channel>` tree.
    init(root: XMLElement) {
        let channel = root.child("channel") ?? root
        title = channel.child("title", namespace: "")?.allText
        link = channel.child("link", namespace: "")?.trimmedText
        language = channel.child("language")?.trimmedText
        ttl = channel.child("ttl")?.trimmedText
        updatePeriod = channel.child("updatePeriod", namespace: Self.syNS)?.trimmedText
        updateFrequency = channel.child("updateFrequency", namespace: Self.syNS)?.trimmedText
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
