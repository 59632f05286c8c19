import Glibc

/// The start tags of XML or HTML, found by a scan of the bytes before libxml2 reads them.
///
/// libxml2 2.9 checks each attribute of an element against every earlier one (for duplicates)
/// in both its XML and its HTML parser, so one hostile tag of 200,000 attributes costs it
/// seconds to minutes, quadratic in the count, before any handler of ours could refuse it.
/// This scan counts the attributes of every start tag in one linear pass, so the feed parser
/// can refuse such a document and the HTML converter can drop such attributes first.
///
/// The scan knows comments, CDATA sections, processing instructions and end tags, and counts
/// an attribute at each name outside quotes (`a="1"`, `b='2'`, HTML's `c=3` and bare `d`).
/// It reads ASCII-compatible bytes: a document still in UTF-16 (libxml2 decodes those itself)
/// shows no tags to it, and is left to the SAX handler's own count.
enum MarkupTags {
    /// One start tag: the bytes from `<` to just after `>` (or the end), where its name ends,
    /// and how many attributes it has.
    struct StartTag {
        var bytes: Range<Int>
        var nameEnd: Int
        var attributes: Int
    }

    /// The most attributes any start tag in `bytes` has (0 when none has any).
    static func mostAttributes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var most = 0
        forEachStartTag(bytes) { most = max(most, $0.attributes) }
        return most
    }

    /// `html` with every start tag of more than `limit` attributes cut to its bare name
    /// (`<span a0="" … a199999="">` becomes `<span>`), or nil when no tag has that many.
    static func trimmingAttributes(_ html: String, beyond limit: Int) -> String? {
        var html = html
        return html.withUTF8 { bytes -> String? in
            var long: [StartTag] = []
            forEachStartTag(bytes) { if $0.attributes > limit { long.append($0) } }
            guard !long.isEmpty else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var at = 0
            for tag in long {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at..<tag.nameEnd]))
                out.append(0x3E)
                at = tag.bytes.upperBound
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[at...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Calls `body` with every start tag of `bytes`, in order.
    static func forEachStartTag(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (StartTag) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        /// Index just after the first `terminator` at or after `from`, or `n`.
        func after(_ terminator: StaticString, from: Int) -> Int {
            let count = terminator.utf8CodeUnitCount, first = Int32(terminator.utf8Start.pointee)
            var at = from
            // memchr to each candidate first byte (Glibc's module has no memmem).
            while at < n, let found = memchr(base + at, first, n - at) {
                let k = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                if k + count <= n, memcmp(base + k, terminator.utf8Start, count) == 0 { return k + count }
                at = k + 1
            }
            return n
        }
        func starts(_ prefix: StaticString, at i: Int) -> Bool {
            let count = prefix.utf8CodeUnitCount
            return i + count <= n && memcmp(base + i, prefix.utf8Start, count) == 0
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        var i = 0
        while i < n, let found = memchr(base + i, 0x3C, n - i) {
            let lt = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            guard lt + 1 < n else { return }
            let first = bytes[lt + 1]
            if first == 0x21 {                                                     // <!
                i = starts("<!--", at: lt) ? after("-->", from: lt + 4)
                    : starts("<![CDATA[", at: lt) ? after("]]>", from: lt + 9) : after(">", from: lt + 2)
                continue
            }
            if first == 0x3F { i = after("?>", from: lt + 2); continue }           // <?
            if first == 0x2F { i = after(">", from: lt + 2); continue }            // </
            let isNameStart = (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || first == 0x5F || first == 0x3A || first >= 0x80
            guard isNameStart else { i = lt + 1; continue }
            var k = lt + 1
            while k < n, !isSpace(bytes[k]), bytes[k] != 0x3E, bytes[k] != 0x2F { k += 1 }
            let nameEnd = k
            // Between attributes, in a name, after `=`, in an unquoted value.
            enum State { case between, name, equals, value }
            var state = State.between, attributes = 0
            scan: while k < n {
                let b = bytes[k]
                switch state {
                case .between, .name:
                    if b == 0x3E { break scan }
                    if b == 0x3D { state = .equals } else if isSpace(b) || b == 0x2F { state = .between } else if state == .between {
                        attributes += 1
                        state = .name
                    }
                case .equals:
                    if b == 0x22 || b == 0x27 {
                        // A quoted value: to its closing quote, `>` included.
                        k = after(b == 0x22 ? "\"" : "'", from: k + 1)
                        state = .between
                        continue scan
                    }
                    if b == 0x3E { break scan }
                    if !isSpace(b) { state = .value }
                case .value:
                    if b == 0x3E { break scan }
                    if isSpace(b) { state = .between }
                }
                k += 1
            }
            let end = min(k + 1, n)
            body(StartTag(bytes: lt..<end, nameEnd: nameEnd, attributes: attributes))
            i = end
        }
    }
}
