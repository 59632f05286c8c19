import CLibXML2
import Glibc

/// Turns HTML fragments (RSS descriptions, Atom `html` content) into plain text.
///
/// Uses libxml2's forgiving HTML parser without network access. `script` and `style` are
/// dropped, block elements and `<br>` become line breaks (so paragraphs stay sentence
/// boundaries), entities are decoded, and runs of spaces collapse.
public enum HTMLText {
    static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
        "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt",
    ]

    /// Plain text of `html`. Text without markup or entities is only whitespace-normalised.
    public static func text(_ html: String) -> String { text(html, passes: 2) }

    /// `passes` bounds how many times escaped markup is decoded again.
    static func text(_ html: String, passes: Int) -> String {
        if !containsMarkupBytes(html) {
            return normalize(html)
        }
        var out = ""
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let wrapped = "<html><body>" + html + "</body></html>"
        let doc = wrapped.withCString { pointer in
            htmlReadMemory(pointer, Int32(strlen(pointer)), nil, "UTF-8", options)
        }
        guard let doc else { return normalize(html) }
        defer { xmlFreeDoc(doc) }
        walk(xmlDocGetRootElement(doc), into: &out)
        // Double-escaped HTML (`&lt;p&gt;` inside a description): one more pass.
        if passes > 1, looksLikeMarkup(out) { return text(out, passes: passes - 1) }
        return normalize(out)
    }

    /// True when `text` has a `<` or `&` byte (one pass over contiguous UTF-8).
    static func containsMarkupBytes(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            return memchr(base, 0x3C, bytes.count) != nil || memchr(base, 0x26, bytes.count) != nil
        }
    }

    /// True when text still holds HTML tags after decoding (`<p>`, `</a>`, `<br/>`).
    static func looksLikeMarkup(_ text: String) -> Bool {
        var copy = text
        let hasTag = copy.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0x3C, bytes.count) != nil } ?? false }
        guard hasTag else { return false }
        for tag in ["</", "<p>", "<p ", "<br", "<a ", "<img", "<div", "<span", "<strong>", "<em>", "<b>", "<i>"] where text.contains(tag) { return true }
        return false
    }

    static func walk(_ node: xmlNodePtr?, into out: inout String) {
        var current = node
        while let n = current {
            switch n.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = n.pointee.content { out += String(cString: content) }
            case XML_ELEMENT_NODE:
                let name = n.pointee.name.map { String(cString: $0).lowercased() } ?? ""
                if name == "script" || name == "style" { break }
                let isBlock = blocks.contains(name)
                if isBlock { out += "\n" }
                walk(n.pointee.children, into: &out)
                if isBlock { out += "\n" }
            default:
                break
            }
            current = n.pointee.next
        }
    }

    /// Collapses runs of spaces, trims every line and drops empty lines, keeping single
    /// line breaks between paragraphs. One pass over the UTF-8 bytes: ASCII is judged by
    /// byte, other scalars are decoded only to ask whether they are whitespace.
    static func normalize(_ text: String) -> String {
        /// The output and what it is waiting to write before the next content (a struct, not
        /// captured variables: no dynamic exclusivity checks in this hot loop).
        struct Writer {
            var out: [UInt8] = []
            var lineHasContent = false
            var pendingSpace = false
            var pendingNewline = false

            /// Writes content bytes, preceded by the break or space they were waiting for.
            mutating func emit(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
                if pendingNewline {
                    out.append(0x0A)
                    pendingNewline = false
                } else if pendingSpace {
                    out.append(0x20)
                }
                pendingSpace = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
                lineHasContent = true
            }
        }
        var writer = Writer()
        writer.out.reserveCapacity(text.utf8.count)
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                // A run of plain ASCII content goes out in one copy.
                if byte > 0x20 && byte < 0x80 {
                    var end = i + 1
                    while end < bytes.count, bytes[end] > 0x20, bytes[end] < 0x80 { end += 1 }
                    writer.emit(bytes, i..<end)
                    i = end
                    continue
                }
                var width = 1
                var kind: UInt8 = 0  // 0 content, 1 space, 2 newline
                if byte < 0x80 {
                    if byte == 0x0A || byte == 0x0D { kind = 2 } else if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { kind = 1 }
                } else {
                    width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                    width = min(width, bytes.count - i)
                    if let scalar = Self.scalar(bytes, i, width) {
                        if scalar.value == 0x2028 || scalar.value == 0x2029 { kind = 2 } else if scalar.properties.isWhitespace { kind = 1 }
                    }
                }
                switch kind {
                case 2:
                    if writer.lineHasContent { writer.pendingNewline = true }
                    writer.lineHasContent = false
                    writer.pendingSpace = false
                case 1:
                    if writer.lineHasContent { writer.pendingSpace = true }
                default:
                    writer.emit(bytes, i..<(i + width))
                }
                i += width
            }
        }
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// The scalar encoded by `width` bytes at `offset`, nil for malformed UTF-8.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ width: Int) -> Unicode.Scalar? {
        var iterator = bytes[offset..<(offset + width)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
