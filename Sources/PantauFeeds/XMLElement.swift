/// A parsed XML element: the small tree the feed adapters read.
///
/// Only what feeds need is kept: local name, namespace URI, attributes, child elements and
/// character data. An element is a view into its document (``XMLTree``): copying one
/// costs one reference, and its text becomes a `String` only when it is read.
public struct XMLElement: Sendable {
    let document: XMLTree
    let index: Int32

    var node: XMLTree.Node { document.nodes[Int(index)] }

    /// ``name`` and ``namespace`` as indices into the document's names (compare with
    /// ``XMLTree/id(of:)``: no string comparisons).
    var nameID: Int32 { node.name }
    var namespaceID: Int32 { node.namespace }

    /// Local name without prefix (`encoded` for `content:encoded`).
    public var name: String { document.names[Int(node.name)] }
    /// Namespace URI, empty when none.
    public var namespace: String { document.names[Int(node.namespace)] }
    /// Attributes by local name (namespaced attributes such as `xml:base` keep their local name).
    public var attributes: [String: String] {
        let i = node.attributes
        return i < 0 ? [:] : document.attributes[Int(i)]
    }
    /// The base URL relative links in this element resolve against: its own `xml:base`, or
    /// the nearest ancestor's, or the document's URL.
    public var base: String? { document.bases[Int(node.base)] }

    /// Child elements in document order.
    public var children: Children { Children(document: document, first: node.firstChild) }

    /// An element's children, or those with one name, walked in document order without
    /// building an array.
    public struct Children: Sequence, Sendable {
        let document: XMLTree
        let first: Int32
        /// The ``XMLTree/names`` indices a child must have (-1: any; -2: a name the
        /// document does not use, so none).
        let name: Int32
        let namespace: Int32

        init(document: XMLTree, first: Int32, name: String? = nil, namespace: String? = nil) {
            self.document = document
            self.first = first
            self.name = name.map(document.id) ?? -1
            self.namespace = namespace.map(document.id) ?? -1
        }

        /// Walks the sibling links from the first child.
        public struct Iterator: IteratorProtocol {
            let children: Children
            var position: Int32

            /// The next child that has the name and namespace asked for, if any.
            public mutating func next() -> XMLElement? {
                let document = children.document
                if children.name == -2 || children.namespace == -2 { return nil }
                while position >= 0 {
                    let index = position
                    let node = document.nodes[Int(index)]
                    position = node.nextSibling
                    if children.name >= 0, node.name != children.name { continue }
                    if children.namespace >= 0, node.namespace != children.namespace { continue }
                    return XMLElement(document: document, index: index)
                }
                return nil
            }
        }

        /// An iterator from the first child.
        public func makeIterator() -> Iterator { Iterator(children: self, position: first) }
    }

    /// All character data in this element and its descendants, in document order. The
    /// document keeps its text in one buffer in document order, so this is one slice of it.
    public var allText: String {
        let node = node
        return document.string(node.textStart, node.textEnd)
    }

    /// Character data directly inside this element (CDATA included), not trimmed: its text
    /// less its children's.
    public var text: String {
        let node = node
        guard node.firstChild >= 0 else { return document.string(node.textStart, node.textEnd) }
        var out = ""
        var at = node.textStart
        var child = node.firstChild
        while child >= 0 {
            let c = document.nodes[Int(child)]
            out += document.string(at, c.textStart)
            at = c.textEnd
            child = c.nextSibling
        }
        out += document.string(at, node.textEnd)
        return out
    }

    /// The first child with this local name (and namespace, when given).
    public func child(_ name: String, namespace: String? = nil) -> XMLElement? {
        var matching = children(name, namespace: namespace).makeIterator()
        return matching.next()
    }

    /// All children with this local name (and namespace, when given).
    public func children(_ name: String, namespace: String? = nil) -> Children {
        Children(document: document, first: node.firstChild, name: name, namespace: namespace)
    }

    /// The element's own text, trimmed; `nil` when empty.
    public var trimmedText: String? {
        let t = text.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }
}
