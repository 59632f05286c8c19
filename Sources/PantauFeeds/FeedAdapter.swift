/// Adapts each wire format into the shared ``Feed`` model: identity, links (resolved against
/// `xml:base` and the feed URL), dates and HTML-to-text happen here and only here.
enum FeedAdapter {
    /// Item identity: the guid/id; else the link without tracking parameters; else a hash of
    /// title, date and summary.
    static func identity(id: String?, link: String?, title: String, date: String?, summary: String) -> String {
        if let id, !id.isEmpty { return id }
        if let link, !link.isEmpty { return FeedURL.identity(link) }
        return StableHash.hex(title, date ?? "", summary)
    }

    static func parsedDate(_ text: String?) -> (Date?, String?) {
        (text.flatMap(FeedDate.parse), text)
    }

    static func adapt(_ rss: RSSFeed, wellFormed: Bool, url: String?) -> Feed {
        let items = rss.items.map { raw -> FeedItem in
            let base = raw.base ?? url
            let title = HTMLText.text(raw.title ?? "")
            let summary = HTMLText.text(raw.description ?? raw.mediaDescription ?? "")
            let content = HTMLText.text(raw.contentEncoded ?? "")
            var link = raw.link.map { FeedURL.resolve($0, against: base) }
            if link == nil { link = raw.atomLinks.first { $0.rel == "alternate" }?.href }
            if link == nil, raw.guidIsPermaLink, let guid = raw.guid, guid.hasPrefix("http") { link = guid }
            if link == nil, let about = raw.about, about.hasPrefix("http") { link = about }
            let dateText = raw.pubDate ?? raw.dcDate
            let (published, publishedRaw) = parsedDate(dateText)
            return FeedItem(
                id: identity(id: raw.guid ?? raw.about, link: link, title: title, date: dateText, summary: summary),
                title: title, link: link, published: published, publishedRaw: publishedRaw, summary: summary, content: content,
                authors: raw.authors.compactMap(FeedAuthor.rss), categories: raw.categories,
                enclosures: raw.enclosures.map { FeedEnclosure(url: FeedURL.resolve($0.url, against: base), type: $0.type, length: $0.length.flatMap { Int($0) }) },
                source: raw.source.map { FeedSource(title: $0.title, url: $0.url.map { FeedURL.resolve($0, against: base) }) }
            )
        }.map(bounded)
        let link = rss.link.map { FeedURL.resolve($0, against: rss.base ?? url) } ?? rss.atomLinks.first { $0.rel == "alternate" }?.href
        let (updated, updatedRaw) = parsedDate(rss.lastBuildDate ?? rss.pubDate ?? rss.dcDate)
        return Feed(format: .rss, version: rss.version, title: rss.title.map(HTMLText.text), link: link, language: rss.language, items: items,
                    wellFormed: wellFormed, minimumPollInterval: rss.minimumPollInterval,
                    subtitle: rss.description.map(HTMLText.text).flatMap { $0.isEmpty ? nil : $0 }, updated: updated, updatedRaw: updatedRaw,
                    authors: [rss.managingEditor, rss.dcCreator].compactMap { $0 }.compactMap(FeedAuthor.rss))
    }

    static func adapt(_ atom: AtomFeed, wellFormed: Bool) -> Feed {
        func plain(_ text: AtomFeed.Text?) -> String {
            guard let text else { return "" }
            return text.type == "text" ? HTMLText.normalize(text.value) : HTMLText.text(text.value)
        }
        func alternate(_ links: [AtomFeed.Link]) -> String? {
            links.first { $0.rel == "alternate" }?.href ?? links.first { $0.rel != "self" && $0.rel != "enclosure" }?.href
        }
        func people(_ list: [AtomFeed.Person]) -> [FeedAuthor] {
            list.map { FeedAuthor(name: $0.name, email: $0.email, uri: $0.uri) }
        }
        let items = atom.entries.map { raw -> FeedItem in
            let title = plain(raw.title)
            let summary = plain(raw.summary)
            let link = alternate(raw.links)
            let dateText = raw.published ?? raw.updated
            let (published, publishedRaw) = parsedDate(dateText)
            let (updated, updatedRaw) = parsedDate(raw.updated)
            return FeedItem(
                id: identity(id: raw.id, link: link, title: title, date: dateText, summary: summary),
                title: title, link: link, published: published, publishedRaw: publishedRaw, summary: summary, content: plain(raw.content),
                updated: updated, updatedRaw: updatedRaw, authors: people(raw.authors), categories: raw.categories,
                enclosures: raw.links.filter { $0.rel == "enclosure" }.map { FeedEnclosure(url: $0.href, type: $0.type, length: $0.length.flatMap { Int($0) }) }
            )
        }.map(bounded)
        let (updated, updatedRaw) = parsedDate(atom.updated)
        let subtitle = plain(atom.subtitle)
        return Feed(format: .atom, version: atom.version, title: plain(atom.title), link: alternate(atom.links), id: atom.id, language: atom.language,
                    items: items, wellFormed: wellFormed, subtitle: subtitle.isEmpty ? nil : subtitle, updated: updated, updatedRaw: updatedRaw,
                    authors: people(atom.authors))
    }

    static func adapt(_ json: JSONFeed, url: String?) -> Feed {
        let base = json.feedURL ?? url
        let items = json.items.map { raw -> FeedItem in
            let title = HTMLText.normalize(raw.title ?? "")
            let content = raw.contentText.map(HTMLText.normalize) ?? raw.contentHTML.map(HTMLText.text) ?? ""
            let summary = raw.summary.map(HTMLText.normalize) ?? ""
            let link = (raw.url ?? raw.externalURL).map { FeedURL.resolve($0, against: base) }
            let (published, publishedRaw) = parsedDate(raw.datePublished)
            let (updated, updatedRaw) = parsedDate(raw.dateModified)
            return FeedItem(
                id: identity(id: raw.id, link: link, title: title, date: raw.datePublished, summary: summary),
                title: title, link: link, published: published, publishedRaw: publishedRaw, summary: summary, content: content,
                updated: updated, updatedRaw: updatedRaw, authors: raw.authors.isEmpty ? json.authors : raw.authors, categories: raw.tags,
                enclosures: raw.attachments.map { FeedEnclosure(url: FeedURL.resolve($0.url, against: base), type: $0.type, length: $0.length) }
            )
        }.map(bounded)
        return Feed(format: .json, version: json.version, title: json.title, link: json.homePageURL, id: json.feedURL, language: json.language,
                    items: items, wellFormed: true, subtitle: json.description, authors: json.authors)
    }
}

import struct Foundation.Date
