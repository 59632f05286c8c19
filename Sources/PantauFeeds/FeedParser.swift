/// Reads a feed document (RSS or Atom, detected from its root element) into a ``Feed``.
public struct FeedParser: Sendable {
    /// The XML layer and its limits.
    public var xml: XMLDocumentParser

    /// Creates a parser.
    public init(xml: XMLDocumentParser = XMLDocumentParser()) {
        self.xml = xml
    }

    /// Parses `bytes`. Throws ``FeedParseError`` with a reason an operator can act on.
    public func parse(_ bytes: [UInt8]) throws(FeedParseError) -> Feed {
        guard bytes.contains(where: { $0 == UInt8(ascii: "<") }) else {
            throw FeedParseError(.notXML, "the document contains no XML markup (\(bytes.count) bytes)")
        }
        let result = try xml.parse(bytes)
        switch (result.root.name, result.root.namespace) {
        case ("rss", _), ("RDF", _):
            return FeedAdapter.adapt(RSSFeed(root: result.root), wellFormed: result.wellFormed)
        case ("feed", AtomFeed.namespace), ("feed", ""), ("feed", "http://purl.org/atom/ns#"):
            return FeedAdapter.adapt(AtomFeed(root: result.root), wellFormed: result.wellFormed)
        default:
            let ns = result.root.namespace.isEmpty ? "" : " (namespace \(result.root.namespace))"
            throw FeedParseError(.unknownFormat, "root element <\(result.root.name)>\(ns) is neither RSS <rss> nor Atom <feed>")
        }
    }
}
