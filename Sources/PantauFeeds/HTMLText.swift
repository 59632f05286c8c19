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

    /// Attributes one tag may keep before libxml2's HTML parser reads it.
    static let maxAttributes = 256

    /// Plain text of `html`. Text without markup or entities is only whitespace-normalised.
    public static func text(_ html: String) -> String { text(html, passes: 2) }

    /// `passes` bounds how many times escaped markup is decoded again.
    static func text(_ html: String, passes: Int) -> String {
        if !containsMarkupBytes(html) {
            return normalize(html)
        }
        if let plain = simpleText(html) { return normalize(plain) }
        // Attributes are no text, and libxml2's duplicate check is quadratic in them: a tag
        // with thousands loses them first.
        let html = MarkupTags.trimmingAttributes(html, beyond: maxAttributes) ?? html
        guard let bytes = Collector.text(of: "<html><body>" + html + "</body></html>") else { return normalize(html) }
        // libxml2 hands out UTF-8: nothing here is repaired, the bytes are only checked once.
        let out = String(decoding: bytes, as: UTF8.self)
        // Double-escaped HTML (`&lt;p&gt;` inside a description): one more pass.
        if passes > 1, looksLikeMarkup(out) { return text(out, passes: passes - 1) }
        return normalize(out)
    }

    /// The text of the commonest feed markup without libxml2: paragraphs and line breaks
    /// (`<p>`, `<br>`, `<br/>`, `<br />`, `<div>`), bold or italic (`<b>`, `<i>`, `<em>`,
    /// `<strong>`) and links (`<a>` with double-quoted attributes), lowercase and properly
    /// nested (no block inside a paragraph or an inline element, no link in a link, every
    /// element closed), around text whose only `&`s are HTML 4 named references (not `&lt;`
    /// or `&gt;`, which may hide markup), with no other `<` and no control bytes but tab and
    /// line breaks. Block tags become line breaks, inline tags nothing, references their
    /// characters: once normalised, what libxml2's parser gives for the same fragment, which
    /// has nothing to repair or imply here. Nil for anything else.
    static func simpleText(_ html: String) -> String? {
        var html = html
        return html.withUTF8 { bytes -> String? in
            let n = bytes.count
            var out: [UInt8] = []
            out.reserveCapacity(n)
            var open: [SimpleTag] = []
            // Links open: counted, since a walk over `open` per link would make thousands of
            // nested tags quadratic.
            var openLinks = 0
            // Whitespace at either end of a line is dropped here already (``normalize(_:)``
            // would drop it), so that the result is usually normal as it stands.
            func lineBreak() {
                while let last = out.last, last == 0x20 || last == 0x09 || last == 0x0D { out.removeLast() }
                if let last = out.last, last != 0x0A { out.append(0x0A) }
            }
            var i = 0
            while i < n {
                let b = bytes[i]
                if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F { return nil }
                if b != 0x26 && b != 0x3C {
                    // A run of text, copied at once; none of it at the start of a line if blank.
                    var end = i + 1
                    // Eight bytes at a time while none of them can end the run.
                    while end + 8 <= n, !Self.mayEndRun(UnsafeRawPointer(bytes.baseAddress! + end).loadUnaligned(as: UInt64.self)) { end += 8 }
                    while end < n, bytes[end] >= 0x20 ? bytes[end] != 0x26 && bytes[end] != 0x3C && bytes[end] != 0x7F : bytes[end] == 0x09 || bytes[end] == 0x0A || bytes[end] == 0x0D { end += 1 }
                    var start = i
                    if out.isEmpty || out.last == 0x0A {
                        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
                    }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                    i = end
                    continue
                }
                if b == 0x26 {
                    guard let end = UnsafeBufferPointer(rebasing: bytes[i...]).firstIndex(of: 0x3B), end > 1, end <= 9 else { return nil }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<(i + end)]), as: UTF8.self)
                    guard let value = simpleReferences[name] else { return nil }
                    FeedBytes.appendUTF8(value, to: &out)
                    i += end + 1
                    continue
                }
                guard let close = UnsafeBufferPointer(rebasing: bytes[i...]).firstIndex(of: 0x3E),
                      let (tag, closing) = SimpleTag.parse(UnsafeBufferPointer(rebasing: bytes[(i + 1)..<(i + close)])) else { return nil }
                i += close + 1
                if tag == .br {
                    lineBreak()
                } else if closing {
                    guard open.popLast() == tag else { return nil }
                    if tag == .a { openLinks -= 1 }
                    if tag.isBlock { lineBreak() }
                } else {
                    // A block opens only where libxml2 would not close or move anything.
                    if tag.isBlock, let top = open.last, top == .p || !top.isBlock { return nil }
                    if tag == .a {
                        guard openLinks == 0 else { return nil }
                        openLinks += 1
                    }
                    open.append(tag)
                    if tag.isBlock { lineBreak() }
                }
            }
            guard open.isEmpty else { return nil }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether any of eight bytes (a little-endian word) may end a run of text in
    /// ``simpleText(_:)``: `&`, `<`, DEL or a byte below 0x20 (tab and line breaks
    /// included: the byte loop decides those). Never misses one of them, so a clear answer
    /// means all eight are plain text.
    @inline(__always)
    static func mayEndRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        // A byte below 0x20: subtracting 0x20 from it borrows into its high bit.
        let below = (word &- 0x20 &* ones) & ~word & highs
        return below != 0 || hasZero(word ^ (0x26 &* ones)) || hasZero(word ^ (0x3C &* ones)) || hasZero(word ^ (0x7F &* ones))
    }

    /// Named references ``simpleText(_:)`` decodes itself: HTML 4's, which libxml2's HTML
    /// parser knows by the same names and values, with `&amp;` and `&quot;`.
    static let simpleReferences: [String: UInt32] = HTMLEntities.table.merging(["amp": 0x26, "quot": 0x22]) { a, _ in a }

    /// The tags ``simpleText(_:)`` reads itself.
    enum SimpleTag: Equatable {
        case p, div, br, a, inline(String)

        var isBlock: Bool { self == .p || self == .div }

        /// The tag between `<` and `>`, and whether it is an end tag; nil for any other.
        static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (SimpleTag, Bool)? {
            let text = String(decoding: bytes, as: UTF8.self)
            switch text {
            case "p": return (.p, false)
            case "/p": return (.p, true)
            case "div": return (.div, false)
            case "/div": return (.div, true)
            case "br", "br/", "br /": return (.br, false)
            case "a": return (.a, false)
            case "/a": return (.a, true)
            case "b", "i", "em", "strong": return (.inline(text), false)
            case "/b", "/i", "/em", "/strong": return (.inline(String(text.dropFirst())), true)
            default: return text.hasPrefix("a ") && simpleAttributes(bytes.dropFirst(2)) ? (.a, false) : nil
            }
        }

        /// ` name="value"` pairs: names of lowercase letters and `-`, values without `"`, `&`
        /// or `<`, one space before each name.
        static func simpleAttributes(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
            var i = bytes.startIndex
            let end = bytes.endIndex
            while i < end {
                let nameStart = i
                while i < end, (bytes[i] >= 0x61 && bytes[i] <= 0x7A) || bytes[i] == 0x2D { i += 1 }
                guard i > nameStart, i + 1 < end, bytes[i] == 0x3D, bytes[i + 1] == 0x22 else { return false }
                i += 2
                while i < end, bytes[i] != 0x22 {
                    if bytes[i] == 0x26 || bytes[i] == 0x3C { return false }
                    i += 1
                }
                guard i < end else { return false }
                i += 1
                if i < end {
                    guard bytes[i] == 0x20 else { return false }
                    i += 1
                    guard i < end else { return false }
                }
            }
            return true
        }
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

    /// Receives libxml2's HTML parser events and keeps the text: no document tree is built.
    /// The events are the ones the parser's own tree builder gets (implied and auto-closed
    /// elements included), so the text is what a walk over the tree would find.
    final class Collector {
        /// The text so far (UTF-8): a line break around each block element, never doubled
        /// nor first (``normalize(_:)`` would drop either).
        var bytes: [UInt8] = []
        /// How many `script`/`style` elements are open: their content is not text.
        var hidden = 0

        /// The text of `html`; nil when libxml2 could not set up a parser.
        static func text(of html: String) -> [UInt8]? {
            guard let context = htmlNewParserCtxt() else { return nil }
            defer { htmlFreeParserCtxt(context) }
            let collector = Collector()
            var handler = htmlSAXHandler()
            handler.startElement = { ctx, name, _ in Collector.from(ctx).start(name) }
            handler.endElement = { ctx, name in Collector.from(ctx).end(name) }
            handler.characters = { ctx, ch, len in Collector.from(ctx).characters(ch, Int(len)) }
            handler.cdataBlock = { ctx, ch, len in Collector.from(ctx).characters(ch, Int(len)) }
            context.pointee.sax.pointee = handler
            let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
            withExtendedLifetime(collector) {
                context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
                let doc = html.withCString { htmlCtxtReadMemory(context, $0, Int32(strlen($0)), nil, "UTF-8", options) }
                if let doc { xmlFreeDoc(doc) }
            }
            return collector.bytes
        }

        static func from(_ ctx: UnsafeMutableRawPointer?) -> Collector {
            Unmanaged<Collector>.fromOpaque(ctx!).takeUnretainedValue()
        }

        func lineBreak() { if let last = bytes.last, last != 0x0A { bytes.append(0x0A) } }

        static func name(_ name: UnsafePointer<xmlChar>?) -> String { name.map { String(cString: $0).lowercased() } ?? "" }

        func start(_ name: UnsafePointer<xmlChar>?) {
            let name = Self.name(name)
            if name == "script" || name == "style" { hidden += 1 }
            if hidden == 0, blocks.contains(name) { lineBreak() }
        }

        func end(_ name: UnsafePointer<xmlChar>?) {
            let name = Self.name(name)
            if name == "script" || name == "style" { hidden = max(0, hidden - 1); return }
            if hidden == 0, blocks.contains(name) { lineBreak() }
        }

        func characters(_ ch: UnsafePointer<xmlChar>?, _ len: Int) {
            guard hidden == 0, let ch, len > 0 else { return }
            bytes.append(contentsOf: UnsafeBufferPointer(start: ch, count: len))
        }
    }

    /// Collapses runs of spaces, trims every line and drops empty lines, keeping single
    /// line breaks between paragraphs. One pass over the UTF-8 bytes: ASCII is judged by
    /// byte, other scalars are decoded only to ask whether they are whitespace.
    static func normalize(_ text: String) -> String {
        var text = text
        // Most feed text is already normal (single spaces, no stray breaks) once the spaces
        // and breaks around it are cut: then it is returned as it is, or that part of it,
        // without the byte-by-byte rewrite.
        let normal: Range<Int>? = text.withUTF8 { bytes in
            var lo = 0, hi = bytes.count
            while lo < hi, bytes[lo] <= 0x20, Unicode.Scalar(bytes[lo]).isWhitespaceFast { lo += 1 }
            while hi > lo, bytes[hi - 1] <= 0x20, Unicode.Scalar(bytes[hi - 1]).isWhitespaceFast { hi -= 1 }
            return isNormalized(UnsafeBufferPointer(rebasing: bytes[lo..<hi])) ? lo..<hi : nil
        }
        guard let normal else { return collapse(text) }
        if normal.count == text.utf8.count { return text }
        // The cuts fall on ASCII bytes, so on character boundaries.
        let utf8 = text.utf8
        return String(text[utf8.index(utf8.startIndex, offsetBy: normal.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: normal.upperBound)])
    }


    /// ``normalize(_:)`` the long way: every byte judged and copied.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            // Whitespace runs shrink to one byte and content is copied as is, so the result
            // is never longer than the input: it is written straight into the new string.
            String(unsafeUninitializedCapacity: bytes.count) { out in
                guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
                let count = bytes.count
                var o = 0
                var lineHasContent = false
                var pendingSpace = false
                var pendingNewline = false
                var i = 0
                while i < count {
                    let byte = source[i]
                    var width = 1
                    var kind: UInt8 = 0  // 0 content, 1 space, 2 newline
                    if byte > 0x20 && byte < 0x80 {
                        // A run of plain ASCII content goes out in one copy.
                        width = 1
                        while i + width < count, source[i + width] > 0x20, source[i + width] < 0x80 { width += 1 }
                    } else if byte < 0x80 {
                        if byte == 0x0A || byte == 0x0D { kind = 2 } else if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { kind = 1 }
                    } else {
                        width = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1, count - i)
                        if let scalar = Self.scalar(bytes, i, width) {
                            if scalar.value == 0x2028 || scalar.value == 0x2029 { kind = 2 } else if scalar.properties.isWhitespace { kind = 1 }
                        }
                    }
                    switch kind {
                    case 2:
                        if lineHasContent { pendingNewline = true }
                        lineHasContent = false
                        pendingSpace = false
                    case 1:
                        if lineHasContent { pendingSpace = true }
                    default:
                        if pendingNewline {
                            target[o] = 0x0A
                            o += 1
                            pendingNewline = false
                        } else if pendingSpace {
                            target[o] = 0x20
                            o += 1
                        }
                        pendingSpace = false
                        (target + o).update(from: source + i, count: width)
                        o += width
                        lineHasContent = true
                    }
                    i += width
                }
                return o
            }
        }
    }

    /// True when ``normalize(_:)`` would return `bytes` unchanged: no whitespace but single
    /// spaces and single line breaks between content, nothing to trim, no non-ASCII
    /// whitespace (U+0085, U+00A0, U+1680, U+2000…U+200A, U+2028, U+2029, U+202F, U+205F,
    /// U+3000: Unicode's White_Space beyond ASCII). Other bytes below 0x20 also send the
    /// text the long way.
    static func isNormalized(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = bytes.count
        guard count > 0 else { return true }
        let first = bytes[0], last = bytes[count - 1]
        if first == 0x20 || first == 0x0A || last == 0x20 || last == 0x0A { return false }
        var previous: UInt8 = 0
        var i = 0
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080, lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        while i < count {
            // Eight ASCII bytes at a time: per byte (its high bit), exact tests for "is zero"
            // and "is at most 0x20"; whitespace must be a space or a break, never twice in a
            // row (within the eight, or after the byte before them).
            if i + 8 <= count {
                let word = UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & highs == 0 {
                    @inline(__always) func zero(_ y: UInt64) -> UInt64 { ~(((y & lows) &+ lows) | y) & highs }
                    let space = ((0x20 &* ones | highs) &- word) & highs
                    if space & ~(zero(word ^ (0x20 &* ones)) | zero(word ^ (0x0A &* ones))) != 0 { return false }
                    let before: UInt64 = previous == 0x20 || previous == 0x0A ? 0x80 : 0
                    if (space << 8 | before) & space != 0 { return false }
                    previous = UInt8(truncatingIfNeeded: word >> 56)
                    i += 8
                    continue
                }
            }
            let byte = bytes[i]
            if byte <= 0x20 {
                guard byte == 0x20 || byte == 0x0A, previous != 0x20, previous != 0x0A else { return false }
            } else if byte >= 0xC2, byte <= 0xE3 {
                let b1: UInt8 = i + 1 < count ? bytes[i + 1] : 0
                let b2: UInt8 = i + 2 < count ? bytes[i + 2] : 0
                switch byte {
                case 0xC2 where b1 == 0x85 || b1 == 0xA0: return false
                case 0xE1 where b1 == 0x9A && b2 == 0x80: return false
                case 0xE2 where b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF): return false
                case 0xE2 where b1 == 0x81 && b2 == 0x9F: return false
                case 0xE3 where b1 == 0x80 && b2 == 0x80: return false
                default: break
                }
            }
            previous = byte
            i += 1
        }
        return true
    }

    /// The scalar encoded by `width` bytes at `offset`, nil for malformed UTF-8.
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ width: Int) -> Unicode.Scalar? {
        var iterator = bytes[offset..<(offset + width)].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }
}
