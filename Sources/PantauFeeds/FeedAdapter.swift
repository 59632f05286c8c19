/// Adapts each wire format into the shared ``Feed`` model: identity, links, dates and
/// HTML-to-text happen here and only here.
enum FeedAdapter {
    static func adapt(_ rss: RSSFeed, wellFormed: Bool) -> Feed {
        let items = rss.items.map { raw -> FeedItem in
            let title = HTMLText.text(raw.title ?? "")
            let summary = HTMLText.text(raw.description ?? "")
            let content = HTMLText.text(raw.contentEncoded ?? "")
            var link = raw.link
            if link == nil, raw.guidIsPermaLink, let guid = raw.guid, guid.hasPrefix("http") { link = guid }
            let dateText = raw.pubDate ?? raw.dcDate
            let id = raw.guid ?? link ?? StableHash.hex(title, dateText ?? "", summary)
            return FeedItem(
                id: id, title: title, link: link, published: dateText.flatMap(FeedDate.parse),
                publishedRaw: dateText, summary: summary, content: content
            )
        }
        return Feed(format: .rss, title: rss.title.map(HTMLText.text), link: rss.link, language: rss.language, items: items,
                    wellFormed: wellFormed, minimumPollInterval: rss.minimumPollInterval)
    }

    static func adapt(_ atom: AtomFeed, wellFormed: Bool) -> Feed {
        func plain(_ text: AtomFeed.Text?) -> String {
            guard let text else { return "" }
            return text.type == "text" ? HTMLText.normalize(text.value) : HTMLText.text(text.value)
        }
        func alternate(_ links: [(rel: String, href: String)]) -> String? {
            links.first { $0.rel == "alternate" }?.href ?? links.first?.href
        }
        let items = atom.entries.map { raw -> FeedItem in
            let title = plain(raw.title)
            let summary = plain(raw.summary)
            let link = alternate(raw.links)
            let dateText = raw.published ?? raw.updated
            let id = raw.id ?? link ?? StableHash.hex(title, dateText ?? "", summary)
            return FeedItem(
                id: id, title: title, link: link, published: dateText.flatMap(FeedDate.parse),
                publishedRaw: dateText, summary: summary, content: plain(raw.content)
            )
        }
        return Feed(format: .atom, title: plain(atom.title), link: alternate(atom.links), id: atom.id, language: atom.language, items: items, wellFormed: wellFormed)
    }
}
