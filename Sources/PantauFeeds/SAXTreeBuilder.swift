import CLibXML2
import Glibc

/// SAX callback target: builds an ``XMLTree``. Lives only for one parse, on one thread.
final class SAXTreeBuilder {
    // Touched on every SAX event, by one thread only: no dynamic exclusivity checks.
    @exclusivity(unchecked) var nodes: [XMLTree.Node] = []
    @exclusivity(unchecked) var text: [UInt8] = []
    /// Open elements, innermost last.
    @exclusivity(unchecked) var stack: [Int32] = []
    @exclusivity(unchecked) var names: [String] = [""]
    private var nameIndex: [String: Int32] = ["": 0]
    var attributeTables: [[String: String]] = []
    var bases: [String?]
    var errors: [String] = []
    @exclusivity(unchecked) var refusal: String?
    let maxTextBytes: Int
    var context: xmlParserCtxtPtr?
    /// Deepest element nesting accepted.
    let maxDepth: Int
    /// Most attributes accepted on one element.
    let maxAttributes: Int
    /// Names and namespace URIs seen so far with their ``names`` index, by the address
    /// libxml2 handed them out at (its dictionary gives each distinct name one address per
    /// parse; the bytes are compared too, so an address reused for another name does no
    /// harm): a small table indexed by the address's bits.
    @exclusivity(unchecked) private var interned = [(pointer: UnsafePointer<xmlChar>?, index: Int32)](repeating: (nil, 0), count: 64)

    /// `documentBytes`: the input's size, which bounds its text (room is made once).
    init(maxTextBytes: Int, documentBase: String? = nil, documentBytes: Int = 0, maxDepth: Int = 256, maxAttributes: Int = 256) {
        self.maxTextBytes = maxTextBytes
        text.reserveCapacity(min(documentBytes, maxTextBytes))
        self.bases = [documentBase]
        self.maxDepth = maxDepth
        self.maxAttributes = maxAttributes
    }

    /// Runs `body` with the builder behind libxml2's context pointer, without retaining it
    /// (the parse holds it for as long as callbacks come): a callback per tag and text run.
    @inline(__always)
    static func with(_ ctx: UnsafeMutableRawPointer?, _ body: (SAXTreeBuilder) -> Void) {
        Unmanaged<SAXTreeBuilder>.fromOpaque(ctx!)._withUnsafeGuaranteedRef(body)
    }

    /// The tree built so far (every open element closed at the end of the text).
    func tree() -> XMLTree {
        XMLTree(nodes: nodes, text: text, names: names, nameIndex: nameIndex, attributes: attributeTables, bases: bases)
    }

    func start(_ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?, _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        if stack.count >= maxDepth {
            refuse("elements nest deeper than \(maxDepth) levels")
            return
        }
        if count > maxAttributes {
            refuse("an element has \(count) attributes (limit \(maxAttributes))")
            return
        }
        let parent = stack.last ?? -1
        var base = parent >= 0 ? nodes[Int(parent)].base : 0
        var table: Int32 = -1
        if let attributes, count > 0 {
            var values: [String: String] = [:]
            for i in 0..<count {
                let at = i * 5
                guard let name = attributes[at], let begin = attributes[at + 3], let end = attributes[at + 4] else { continue }
                values[String(cString: name)] = String(decoding: UnsafeBufferPointer(start: begin, count: end - begin), as: UTF8.self)
            }
            if let xmlBase = values["base"] {
                bases.append(FeedURL.resolve(xmlBase, against: bases[Int(base)]))
                base = Int32(bases.count - 1)
            }
            attributeTables.append(values)
            table = Int32(attributeTables.count - 1)
        }
        let index = Int32(nodes.count)
        let offset = Int32(text.count)
        nodes.append(XMLTree.Node(name: intern(localname), namespace: intern(uri), attributes: table, base: base,
                                  textStart: offset, textEnd: offset))
        if parent >= 0 {
            let last = nodes[Int(parent)].lastChild
            if last >= 0 { nodes[Int(last)].nextSibling = index } else { nodes[Int(parent)].firstChild = index }
            nodes[Int(parent)].lastChild = index
        }
        stack.append(index)
    }

    func end() {
        guard let index = stack.popLast() else { return }
        nodes[Int(index)].textEnd = Int32(text.count)
    }

    /// Closes elements a truncated document left open (recover mode).
    func closeAll() {
        while !stack.isEmpty { end() }
    }

    func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int) {
        guard let ch, len > 0, !stack.isEmpty else { return }
        if text.count + len > maxTextBytes {
            refuse("text exceeds \(maxTextBytes) bytes")
            return
        }
        text.append(contentsOf: UnsafeBufferPointer(start: ch, count: len))
    }

    /// The ``names`` index of a name or URI from libxml2 (0, "", for none).
    func intern(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        guard let pointer else { return 0 }
        let cString = UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: pointer)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        let known = interned[slot]
        if known.pointer == pointer, names[Int(known.index)].withCString({ strcmp($0, cString) == 0 }) { return known.index }
        let string = String(cString: pointer)
        let index = nameIndex[string] ?? {
            names.append(string)
            nameIndex[string] = Int32(names.count - 1)
            return Int32(names.count - 1)
        }()
        interned[slot] = (pointer, index)
        return index
    }

    func refuse(_ reason: String) {
        if refusal == nil { refusal = reason }
        if let context { xmlStopParser(context) }
    }

    func error(_ error: xmlError) {
        guard errors.count < 10 else { return }
        let message = error.message.map { String(cString: $0).trimmingWhitespace() } ?? "parse error"
        errors.append("line \(error.line): \(message)")
    }
}
