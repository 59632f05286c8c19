import Glibc

/// A feed's bytes made readable by XML: the encoding decided (BOM, HTTP `charset`, XML
/// declaration, and the usual wrong declarations), then HTML entities and stray ampersands
/// that XML rejects repaired. Pure byte work, no libxml2.
struct FeedBytes {
    /// The bytes to parse.
    var bytes: [UInt8]
    /// An encoding libxml2 must use instead of the document's declaration (non-UTF-8
    /// charsets announced by HTTP); nil when ``bytes`` are UTF-8 or libxml2 should decide.
    var forcedEncoding: String?
    /// True when ``bytes`` are UTF-8 whatever the XML declaration says.
    var ignoreDeclaredEncoding: Bool
    /// What had to be repaired, for the `wellformed` verdict and the log.
    var repairs: [String] = []

    static let utf8Names: Set<String> = ["utf-8", "utf8"]
    static let latinNames: Set<String> = ["iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii",
                                          "windows-1252", "cp1252", "x-cp1252"]

    /// Decides the encoding of `raw` (with `charset` from HTTP, when known) and repairs it.
    static func prepare(_ raw: [UInt8], charset: String?) -> FeedBytes {
        // UTF-16/32 byte order marks: libxml2 reads those itself.
        if raw.count >= 2, (raw[0] == 0xFE && raw[1] == 0xFF) || (raw[0] == 0xFF && raw[1] == 0xFE) {
            return FeedBytes(bytes: raw, forcedEncoding: nil, ignoreDeclaredEncoding: false)
        }
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let declared = declaredEncoding(bytes)
        let chosen = (charset ?? declared ?? "utf-8").lowercased()
        var result: FeedBytes
        if utf8Names.contains(chosen) || latinNames.contains(chosen) {
            let valid = isValidUTF8(bytes)
            if valid && (utf8Names.contains(chosen) || bytes.contains(where: { $0 >= 0x80 })) {
                // UTF-8 as announced, or UTF-8 served under a Latin-1 label.
                result = FeedBytes(bytes: bytes, forcedEncoding: nil, ignoreDeclaredEncoding: true)
            } else {
                // Latin-1 as announced (read as its superset windows-1252, which is what such
                // feeds really are), or bytes that are not UTF-8 although they claim to be.
                result = FeedBytes(bytes: windows1252ToUTF8(bytes), forcedEncoding: nil, ignoreDeclaredEncoding: true)
                if !valid && utf8Names.contains(chosen) { result.repairs.append("invalid UTF-8 read as windows-1252") }
            }
        } else {
            // Another charset (Shift_JIS, KOI8-R…): libxml2 decodes it; HTTP wins over the declaration.
            return FeedBytes(bytes: bytes, forcedEncoding: charset.map { _ in chosen }, ignoreDeclaredEncoding: charset != nil)
        }
        repairEntities(&result)
        return result
    }

    /// The `encoding` of the XML declaration, lowercased, when there is one.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        // Read from the bytes: a feed's declaration is read once per poll.
        guard bytes.starts(with: xmlDeclarationStart) else { return nil }
        guard let end = bytes.prefix(200).firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let name = encodingName
        guard end >= name.count, let at = (0...(end - name.count)).first(where: { bytes[$0..<($0 + name.count)].elementsEqual(name) }) else { return nil }
        var i = at + name.count
        while i < end, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "=") { i += 1 }
        guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
        let quote = bytes[i]
        let start = i + 1
        var stop = start
        while stop < end, bytes[stop] != quote { stop += 1 }
        return stop > start ? String(decoding: bytes[start..<stop], as: UTF8.self).lowercased() : nil
    }

    static let xmlDeclarationStart = Array("<?xml".utf8)
    static let encodingName = Array("encoding".utf8)

    /// True when `bytes` are well-formed UTF-8 (no overlongs, no surrogates).
    static func isValidUTF8(_ array: [UInt8]) -> Bool {
        array.withUnsafeBufferPointer { isValidUTF8($0) }
    }

    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n, UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let width: Int
            let minimum: UInt32
            var value: UInt32
            switch b {
            case 0xC2...0xDF: width = 2; minimum = 0x80; value = UInt32(b & 0x1F)
            case 0xE0...0xEF: width = 3; minimum = 0x800; value = UInt32(b & 0x0F)
            case 0xF0...0xF4: width = 4; minimum = 0x10000; value = UInt32(b & 0x07)
            default: return false
            }
            guard i + width <= n else { return false }
            for k in 1..<width {
                let c = bytes[i + k]
                guard c & 0xC0 == 0x80 else { return false }
                value = value << 6 | UInt32(c & 0x3F)
            }
            guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return false }
            i += width
        }
        return true
    }

    /// windows-1252 code points for 0x80…0x9F (0 where the code page leaves a hole).
    static let cp1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// The scalar a windows-1252 byte stands for (U+FFFD for the code page's holes).
    static func windows1252(_ b: UInt8) -> UInt32 {
        if b < 0x80 || b >= 0xA0 { return UInt32(b) }
        let v = cp1252High[Int(b - 0x80)]
        return v == 0 ? 0xFFFD : v
    }

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for b in bytes {
            if b < 0x80 { out.append(b) } else { appendUTF8(windows1252(b), to: &out) }
        }
        return out
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        default:
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// True for code points XML 1.0 allows in content.
    static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || (0x10000...0x10FFFF).contains(v)
    }

    /// Replaces what XML rejects outside CDATA sections and comments: HTML named entities
    /// (`&nbsp;` → U+00A0), character references to windows-1252 bytes (`&#150;` → –),
    /// references to characters XML forbids (dropped), and stray ampersands (`AT&T` →
    /// `AT&amp;T`). Documents without `&` are not copied.
    static func repairEntities(_ feed: inout FeedBytes) {
        let repaired: (bytes: [UInt8], repairs: [String])? = feed.bytes.withUnsafeBufferPointer { repairEntities(in: $0) }
        guard let repaired else { return }
        feed.bytes = repaired.bytes
        feed.repairs += repaired.repairs
    }

    /// The repaired bytes and what was repaired; nil when nothing needed it.
    static func repairEntities(in bytes: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], repairs: [String])? {
        guard let base = bytes.baseAddress, memchr(base, 0x26, bytes.count) != nil else { return nil }
        var amp = 0
        var out: [UInt8] = []
        var copied = 0
        var counts = (html: 0, stray: 0, numeric: 0)
        var i = 0
        let n = bytes.count
        func starts(_ s: [UInt8], at k: Int) -> Bool { k + s.count <= n && bytes[k..<(k + s.count)].elementsEqual(s) }
        let cdataOpen = Array("<![CDATA[".utf8), cdataClose = Array("]]>".utf8)
        let commentOpen = Array("<!--".utf8), commentClose = Array("-->".utf8)
        /// Offset of the first `needle` at or after `k` (n when there is none): `memchr` for
        /// its last byte, which is rare in feeds (`!`, `>` of `]]>`/`-->` after their run).
        func find(_ needle: [UInt8], from k: Int) -> Int {
            let last = needle[needle.count - 1]
            var j = k + needle.count - 1
            while j < n, let hit = memchr(base + j, Int32(last), n - j) {
                j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if starts(needle, at: j - (needle.count - 1)) { return j - (needle.count - 1) }
                j += 1
            }
            return n
        }
        func skip(to close: [UInt8], from k: Int) -> Int {
            min(n, find(close, from: k) + close.count)
        }
        let bang = Array("<!".utf8)
        var nextBang = -1
        func replace(_ range: Range<Int>, with replacement: [UInt8]) {
            if out.isEmpty { out.reserveCapacity(n + 64) }
            out.append(contentsOf: bytes[copied..<range.lowerBound])
            out.append(contentsOf: replacement)
            copied = range.upperBound
        }
        while i < n {
            // Jump to the next '&', unless a CDATA section or a comment (both open with "<!")
            // comes first: an '&' inside those is text, not a reference.
            guard let hit = memchr(base + i, 0x26, n - i) else { break }
            let nextAmp = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if nextBang < i { nextBang = find(bang, from: i) }
            if nextBang < nextAmp {
                let k = nextBang
                if starts(cdataOpen, at: k) { i = skip(to: cdataClose, from: k + cdataOpen.count) }
                else if starts(commentOpen, at: k) { i = skip(to: commentClose, from: k + commentOpen.count) }
                else { i = k + bang.count }
                continue
            }
            i = nextAmp
            amp = i
            var j = amp + 1
            if j < n, bytes[j] == 0x23 {                                // &#…;
                j += 1
                let hex = j < n && (bytes[j] == 0x78 || bytes[j] == 0x58)
                if hex { j += 1 }
                var value: UInt32 = 0
                let digitsStart = j
                while j < n, j - digitsStart < 8 {
                    let c = bytes[j]
                    if c >= 0x30 && c <= 0x39 { value = value &* (hex ? 16 : 10) &+ UInt32(c - 0x30) }
                    else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { value = value &* 16 &+ UInt32((c | 0x20) - 0x61 + 10) }
                    else { break }
                    j += 1
                }
                if j > digitsStart, j < n, bytes[j] == 0x3B {
                    if (0x80...0x9F).contains(value) {
                        var utf8: [UInt8] = []
                        appendUTF8(windows1252(UInt8(value)), to: &utf8)
                        replace(amp..<(j + 1), with: utf8)
                        counts.numeric += 1
                    } else if !isXMLChar(value) {
                        replace(amp..<(j + 1), with: [])
                        counts.numeric += 1
                    }
                    i = j + 1
                    continue
                }
            } else {                                                     // &name;
                while j < n, j - amp <= HTMLEntities.maxNameLength + 1, (bytes[j] | 0x20) >= 0x61 && (bytes[j] | 0x20) <= 0x7A || (bytes[j] >= 0x30 && bytes[j] <= 0x39) { j += 1 }
                if j > amp + 1, j < n, bytes[j] == 0x3B {
                    let name = String(decoding: bytes[(amp + 1)..<j], as: UTF8.self)
                    if ["amp", "lt", "gt", "quot", "apos"].contains(name) { i = j + 1; continue }
                    if let value = HTMLEntities.table[name] {
                        var utf8: [UInt8] = []
                        appendUTF8(value, to: &utf8)
                        replace(amp..<(j + 1), with: utf8)
                        counts.html += 1
                        i = j + 1
                        continue
                    }
                }
            }
            replace(amp..<(amp + 1), with: Array("&amp;".utf8))         // a stray ampersand
            counts.stray += 1
            i = amp + 1
        }
        guard copied > 0 else { return nil }
        out.append(contentsOf: bytes[copied...])
        var repairs: [String] = []
        if counts.html > 0 { repairs.append("\(counts.html) HTML entit\(counts.html == 1 ? "y" : "ies") XML does not define") }
        if counts.stray > 0 { repairs.append("\(counts.stray) stray '&'") }
        if counts.numeric > 0 { repairs.append("\(counts.numeric) character reference\(counts.numeric == 1 ? "" : "s") XML forbids") }
        return (out, repairs)
    }
}
