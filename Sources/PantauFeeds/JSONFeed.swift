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
    ///
    /// Decoded straight into these types by `JSONDecoder`, never into a tree of Foundation
    /// objects: `JSONSerialization` held about 85 bytes of memory per byte of feed (a 7.4 MB
    /// feed of 200,000 items took 640 MB). Lenient as feeds need: a field of the wrong type
    /// is absent, an id may be a number, an item that is not an object is skipped.
    init(bytes: [UInt8]) throws(FeedParseError) {
        let wire: Wire
        do {
            wire = try JSONDecoder().decode(Wire.self, from: Data(bytes))
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw FeedParseError(.unknownFormat, "JSON document is not an object")
        } catch DecodingError.dataCorrupted(let context) {
            throw FeedParseError(.notXML, "not valid JSON: \(Self.syntaxError(bytes) ?? context.debugDescription)")
        } catch {
            throw FeedParseError(.notXML, "not valid JSON: \(error)")
        }
        guard let versionURL = wire.version, versionURL.hasPrefix("https://jsonfeed.org/version/") || versionURL.hasPrefix("http://jsonfeed.org/version/") else {
            throw FeedParseError(.unknownFormat, "JSON document has no JSON Feed \"version\" (https://jsonfeed.org/version/1.1)")
        }
        version = String(versionURL.split(separator: "/").last ?? "1")
        title = wire.title
        homePageURL = wire.homePageURL
        feedURL = wire.feedURL
        description = wire.description
        language = wire.language
        authors = wire.authors
        items = wire.items
    }

    /// Where and why `bytes` are not JSON, as `JSONSerialization` says it ("Invalid value
    /// around character 18."): `JSONDecoder` only says that they are not. Runs on the error
    /// path only.
    static func syntaxError(_ bytes: [UInt8]) -> String? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            return (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        }
    }

    /// The document's keys.
    enum Key: String, CodingKey {
        case version, title, description, language, items, id, url, summary, tags, attachments, authors, author, name
        case homePageURL = "home_page_url", feedURL = "feed_url", externalURL = "external_url", contentHTML = "content_html"
        case contentText = "content_text", datePublished = "date_published", dateModified = "date_modified"
        case mimeType = "mime_type", sizeInBytes = "size_in_bytes"
    }

    /// The top level, read leniently.
    struct Wire: Decodable {
        var version, title, homePageURL, feedURL, description, language: String?
        var authors: [FeedAuthor]
        var items: [Item]

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            version = c.lenient(.version)
            title = c.lenient(.title)
            homePageURL = c.lenient(.homePageURL)
            feedURL = c.lenient(.feedURL)
            description = c.lenient(.description)
            language = c.lenient(.language)
            authors = c.authors()
            items = (c.lenient(.items) as [Lenient<Item>]?)?.compactMap(\.value) ?? []
        }
    }

    /// A value that decodes to nil instead of failing (an item that is not an object).
    struct Lenient<Value: Decodable>: Decodable {
        var value: Value?
        init(from decoder: any Decoder) throws { value = try? Value(from: decoder) }
    }

    /// An author object: `name` and `url`.
    struct Author: Decodable {
        var author: FeedAuthor
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            author = FeedAuthor(name: c.lenient(.name), uri: c.lenient(.url))
        }
    }

    /// An attachment object: `url`, `mime_type`, `size_in_bytes`.
    struct Attachment: Decodable {
        var enclosure: FeedEnclosure?
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            enclosure = (c.lenient(.url) as String?).map { FeedEnclosure(url: $0, type: c.lenient(.mimeType), length: c.lenient(.sizeInBytes)) }
        }
    }
}

extension JSONFeed.Item: Decodable {
    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: JSONFeed.Key.self)
        // An id may be written as a number.
        id = c.lenient(.id) ?? (c.lenient(.id) as Int64?).map { String($0) } ?? (c.lenient(.id) as Double?).map { "\($0)" }
        url = c.lenient(.url)
        externalURL = c.lenient(.externalURL)
        title = c.lenient(.title)
        contentHTML = c.lenient(.contentHTML)
        contentText = c.lenient(.contentText)
        summary = c.lenient(.summary)
        datePublished = c.lenient(.datePublished)
        dateModified = c.lenient(.dateModified)
        authors = c.authors()
        tags = (c.lenient(.tags) as [JSONFeed.Lenient<String>]?)?.compactMap(\.value) ?? []
        attachments = (c.lenient(.attachments) as [JSONFeed.Lenient<JSONFeed.Attachment>]?)?.compactMap(\.value?.enclosure) ?? []
    }
}

extension KeyedDecodingContainer where Key == JSONFeed.Key {
    /// The value at `key`, or nil when it is absent, null or of another type.
    func lenient<T: Decodable>(_ key: Key) -> T? {
        (try? decodeIfPresent(T.self, forKey: key)) ?? nil
    }

    /// `authors` (1.1) or `author` (1.0).
    func authors() -> [FeedAuthor] {
        if let list = lenient(.authors) as [JSONFeed.Lenient<JSONFeed.Author>]? { return list.compactMap(\.value?.author) }
        return (lenient(.author) as JSONFeed.Author?).map { [$0.author] } ?? []
    }
}
