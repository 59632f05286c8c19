import CLibXML2

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
    public static func text(_ html: String) -> String {
        if !html.utf8.contains(UInt8(ascii: "<")) && !html.utf8.contains(UInt8(ascii: "&")) {
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
        return normalize(out)
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
    /// line breaks between paragraphs. One pass over the scalars, ASCII without table lookups.
    static func normalize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lineHasContent = false
        var pendingSpace = false
        var pendingNewline = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v == 0x0A || v == 0x0D || v == 0x2028 || v == 0x2029 {
                if lineHasContent { pendingNewline = true }
                lineHasContent = false
                pendingSpace = false
            } else if v == 0x20 || v == 0x09 || v == 0x0B || v == 0x0C || (v >= 0x80 && scalar.properties.isWhitespace) {
                if lineHasContent { pendingSpace = true }
            } else {
                if pendingNewline {
                    out.append("\n")
                    pendingNewline = false
                } else if pendingSpace {
                    out.append(" ")
                }
                pendingSpace = false
                out.append(scalar)
                lineHasContent = true
            }
        }
        return String(out)
    }
}
