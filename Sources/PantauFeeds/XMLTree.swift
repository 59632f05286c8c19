/// A parsed document's storage, immutable once built: every element in document order as a
/// flat node, all character data in one buffer (in document order, so an element's text and
/// its descendants' is one slice), and names, attributes and bases in small tables. The
/// parser builds it with one append per element and one copy per text run, however deep the
/// document; ``XMLElement`` views read it.
final class XMLTree: Sendable {
    /// One element: indices into the tables, its links, and its slice of ``text``.
    struct Node {
        /// Into ``names``.
        var name: Int32
        var namespace: Int32
        /// Into ``attributes``, or -1 for none.
        var attributes: Int32
        /// Into ``bases``.
        var base: Int32
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var nextSibling: Int32 = -1
        /// UTF-8 offsets into ``text``: where the element's character data starts and ends.
        var textStart: Int32
        var textEnd: Int32
    }

    let nodes: [Node]
    let text: [UInt8]
    let names: [String]
    /// Index of each name in ``names``.
    let nameIndex: [String: Int32]
    let attributes: [[String: String]]
    let bases: [String?]

    init(nodes: [Node], text: [UInt8], names: [String], nameIndex: [String: Int32], attributes: [[String: String]], bases: [String?]) {
        self.nodes = nodes
        self.text = text
        self.names = names
        self.nameIndex = nameIndex
        self.attributes = attributes
        self.bases = bases
    }

    /// The index of `name` in ``names``; -2 (which no element has) when the document does
    /// not use it.
    func id(of name: String) -> Int32 { nameIndex[name] ?? -2 }

    /// The root element (the document's first).
    var root: XMLElement? { nodes.isEmpty ? nil : XMLElement(document: self, index: 0) }

    /// The text between two offsets of ``text`` (libxml2 hands out whole UTF-8 characters,
    /// so the offsets fall between characters; anything else would be repaired).
    func string(_ start: Int32, _ end: Int32) -> String {
        guard end > start else { return "" }
        return text.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]), as: UTF8.self) }
    }
}
