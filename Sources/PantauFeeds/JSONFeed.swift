import Foundation

/// JSON Feed 1.0 and 1.1 as it appears on the wire (https://jsonfeed.org/version/1.1).
struct JSONFeed {
    struct Item {
        var id: String?
        var url: String?
        var externalURL: String?
        var title: String?
        var contentHTML: String?
        var contentText: String?
        var summary: String?
        var datePublished: String?
        var dateModified: String?
        var authors: [FeedAuthor] = []
        var tags: [String] = []
        var attachments: [FeedEnclosure] = []
    }

    var version: String
    var title: String?
    var homePageURL: String?
    var feedURL: String?
    var description: String?
    var language: String?
    var authors: [FeedAuthor] = []
    var items: [Item] = []

    /// Reads a JSON Feed document; throws when it is not JSON or not a JSON Feed.
    init(bytes: [UInt8]) throws(FeedParseError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            throw FeedParseError(.notXML, "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)")
        }
        guard let root = object as? [String: Any] else { throw FeedParseError(.unknownFormat, "JSON document is not an object") }
        guard let versionURL = root["version"] as? String, versionURL.hasPrefix("https://jsonfeed.org/version/") || versionURL.hasPrefix("http://jsonfeed.org/version/") else {
            throw FeedParseError(.unknownFormat, "JSON document has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")
        }
        version = String(versionURL.split(separator: "/").last ?? "1")
        title = root["title"] as? String
        homePageURL = root["home_page_url"] as? String
        feedURL = root["feed_url"] as? String
        description = root["description"] as? String
        language = root["language"] as? String
        authors = Self.authors(root)
        items = (root["items"] as? [[String: Any]] ?? []).map { raw in
            var item = Item()
            if let id = raw["id"] as? String { item.id = id } else if let id = raw["id"] as? NSNumber { item.id = id.stringValue }
            item.url = raw["url"] as? String
            item.externalURL = raw["external_url"] as? String
            item.title = raw["title"] as? String
            item.contentHTML = raw["content_html"] as? String
            item.contentText = raw["content_text"] as? String
            item.summary = raw["summary"] as? String
            item.datePublished = raw["date_published"] as? String
            item.dateModified = raw["date_modified"] as? String
            item.authors = Self.authors(raw)
            item.tags = raw["tags"] as? [String] ?? []
            item.attachments = (raw["attachments"] as? [[String: Any]] ?? []).compactMap { a in
                guard let url = a["url"] as? String else { return nil }
                return FeedEnclosure(url: url, type: a["mime_type"] as? String, length: (a["size_in_bytes"] as? NSNumber)?.intValue)
            }
            return item
        }
    }

    /// `authors` (1.1) or `author` (1.0).
    static func authors(_ object: [String: Any]) -> [FeedAuthor] {
        let list = object["authors"] as? [[String: Any]] ?? (object["author"] as? [String: Any]).map { [$0] } ?? []
        return list.map { FeedAuthor(name: $0["name"] as? String, uri: $0["url"] as? String) }
    }
}
