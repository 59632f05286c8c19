import CLibXML2

/// SAX callback target: builds the element tree. Lives only for one parse, on one thread.
final class SAXTreeBuilder {
    // Touched on every SAX event, by one thread only: no dynamic exclusivity checks.
    @exclusivity(unchecked) var stack: [XMLElement] = []
    @exclusivity(unchecked) var root: XMLElement?
    var errors: [String] = []
    @exclusivity(unchecked) var refusal: String?
    @exclusivity(unchecked) var textBytes = 0
    let maxTextBytes: Int
    var context: xmlParserCtxtPtr?
    /// The document's URL: the base of relative links when no `xml:base` says otherwise.
    let documentBase: String?
    /// Deepest element nesting accepted.
    let maxDepth: Int
    /// Most attributes accepted on one element.
    let maxAttributes: Int

    init(maxTextBytes: Int, documentBase: String? = nil, maxDepth: Int = 256, maxAttributes: Int = 256) {
        self.maxTextBytes = maxTextBytes
        self.documentBase = documentBase
        self.maxDepth = maxDepth
        self.maxAttributes = maxAttributes
    }

    static func from(_ ctx: UnsafeMutableRawPointer?) -> SAXTreeBuilder {
        Unmanaged<SAXTreeBuilder>.fromOpaque(ctx!).takeUnretainedValue()
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
        var element = XMLElement(name: localname.map { String(cString: $0) } ?? "", namespace: uri.map { String(cString: $0) } ?? "")
        if let attributes, count > 0 {
            for i in 0..<count {
                let base = i * 5
                guard let name = attributes[base], let begin = attributes[base + 3], let end = attributes[base + 4] else { continue }
                let length = end - begin
                let value = String(decoding: UnsafeBufferPointer(start: begin, count: length), as: UTF8.self)
                element.attributes[String(cString: name)] = value
            }
        }
        let inherited = stack.last?.base ?? documentBase
        if let xmlBase = element.attributes["base"] {
            element.base = FeedURL.resolve(xmlBase, against: inherited)
        } else {
            element.base = inherited
        }
        stack.append(element)
    }

    func end() {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            if root == nil { root = element }
        } else {
            stack[stack.count - 1].childOffsets.append(stack[stack.count - 1].text.utf8.count)
            stack[stack.count - 1].children.append(element)
        }
    }

    /// Closes elements a truncated document left open (recover mode).
    func closeAll() {
        while !stack.isEmpty { end() }
    }

    func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int) {
        guard let ch, len > 0, !stack.isEmpty else { return }
        textBytes += len
        if textBytes > maxTextBytes {
            refuse("text exceeds \(maxTextBytes) bytes")
            return
        }
        let chunk = String(decoding: UnsafeBufferPointer(start: ch, count: len), as: UTF8.self)
        stack[stack.count - 1].text += chunk
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
