/// Reads a feed document (RSS 0.90–2.0, RSS 1.0/RDF, Atom 0.3/1.0, JSON Feed 1.0/1.1,
/// detected from the content, not the URL) into a ``Feed``.
public struct FeedParser: Sendable {
    /// The XML layer and its limits.
    public var xml: XMLDocumentParser
    /// Largest document accepted, in bytes.
    public var maxDocumentBytes: Int

    /// Creates a parser.
    public init(xml: XMLDocumentParser = XMLDocumentParser(), maxDocumentBytes: Int = 64 << 20) {
        self.xml = xml
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// Parses `bytes` fetched from `url` (the base of relative links) and served with
    /// `contentType` (its `charset` decides the encoding when present). Throws
    /// ``FeedParseError`` with a reason an operator can act on.
    public func parse(_ bytes: [UInt8], url: String? = nil, contentType: String? = nil) throws(FeedParseError) -> Feed {
        guard bytes.count <= maxDocumentBytes else {
            throw FeedParseError(.refused, "document of \(bytes.count) bytes exceeds the \(maxDocumentBytes)-byte limit")
        }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[start]) { start += 1 }
        if start < bytes.count, bytes[start] == UInt8(ascii: "{") {
            return FeedAdapter.adapt(try JSONFeed(bytes: Array(bytes[start...])), url: url)
        }
        guard bytes.contains(where: { $0 == UInt8(ascii: "<") }) else {
            throw FeedParseError(.notXML, "the document contains neither XML markup nor a JSON object (\(bytes.count) bytes)")
        }
        let prepared = FeedBytes.prepare(bytes, charset: Self.charset(contentType))
        let result = try xml.parse(prepared.bytes, base: url, encoding: prepared.forcedEncoding, ignoreDeclaredEncoding: prepared.ignoreDeclaredEncoding)
        let wellFormed = result.wellFormed && prepared.repairs.isEmpty
        switch (result.root.name, result.root.namespace) {
        case ("rss", _), ("RDF", _):
            return FeedAdapter.adapt(RSSFeed(root: result.root), wellFormed: wellFormed, url: url)
        case ("feed", AtomFeed.namespace), ("feed", ""), ("feed", AtomFeed.namespace03):
            return FeedAdapter.adapt(AtomFeed(root: result.root), wellFormed: wellFormed)
        default:
            let ns = result.root.namespace.isEmpty ? "" : " (namespace \(result.root.namespace))"
            throw FeedParseError(.unknownFormat, "root element <\(result.root.name)>\(ns) is neither RSS <rss>/<rdf:RDF> nor Atom <feed>")
        }
    }

    /// The `charset` parameter of a `Content-Type` value, lowercased.
    static func charset(_ contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].trimmingWhitespace().lowercased() == "charset" {
                let value = pair[1].trimmingWhitespace().trimmingCharacters(in: ["\"", "'"]).lowercased()
                return value.isEmpty ? nil : value
            }
        }
        return nil
    }
}
