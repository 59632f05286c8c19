/// A parsed XML element: the small tree the feed adapters read.
///
/// Only what feeds need is kept: local name, namespace URI, attributes, child elements and
/// the element's own character data.
public struct XMLElement: Sendable {
    /// Local name without prefix (`encoded` for `content:encoded`).
    public var name: String
    /// Namespace URI, empty when none.
    public var namespace: String
    /// Attributes by local name (namespaced attributes such as `xml:base` keep their local name).
    public var attributes: [String: String]
    /// Child elements in document order.
    public var children: [XMLElement]
    /// Character data directly inside this element (CDATA included), not trimmed.
    public var text: String
    /// All character data in this element and its descendants, in document order. Computed
    /// on demand (feeds read it from leaf-like elements), so a document's text is stored once.
    public var allText: String {
        if children.isEmpty { return text }
        guard childOffsets.count == children.count else { return text + children.map(\.allText).joined() }
        // Interleave this element's text with its children's, in document order.
        var out = ""
        let utf8 = text.utf8
        var previous = utf8.startIndex
        for (child, offset) in zip(children, childOffsets) {
            let at = utf8.index(utf8.startIndex, offsetBy: offset)
            out += text[previous..<at]
            out += child.allText
            previous = at
        }
        out += text[previous...]
        return out
    }

    /// For each child, how many UTF-8 bytes of ``text`` came before it.
    var childOffsets: [Int] = []
    /// The base URL relative links in this element resolve against: its own `xml:base`, or
    /// the nearest ancestor's, or the document's URL.
    public var base: String?

    /// Creates an element.
    public init(name: String, namespace: String = "", attributes: [String: String] = [:], children: [XMLElement] = [], text: String = "") {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child with this local name (and namespace, when given).
    public func child(_ name: String, namespace: String? = nil) -> XMLElement? {
        children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// All children with this local name (and namespace, when given).
    public func children(_ name: String, namespace: String? = nil) -> [XMLElement] {
        children.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// The element's own text, trimmed; `nil` when empty.
    public var trimmedText: String? {
        let t = text.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }
}
