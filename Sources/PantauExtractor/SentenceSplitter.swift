/// Splits news text into sentences.
///
/// Boundaries are line breaks (paragraphs and headings become their own sentences) and
/// `.`, `!`, `?` (plus closing quotes or brackets) followed by a space and a capital letter,
/// digit or opening quote. A period after a known abbreviation (`Jl.`, `No.`, `Dr.`) or a
/// single letter (`U.S.`) is not a boundary.
public struct SentenceSplitter: Sendable {
    /// Abbreviations (folded, without the period) that do not end a sentence.
    public var abbreviations: Set<String> { didSet { packedAbbreviations = Self.packed(abbreviations) } }
    /// The ASCII abbreviations of up to eight bytes, packed (``packed(_:)``) and sorted: the
    /// common case is looked up without building a `String`.
    private var packedAbbreviations: [UInt64]

    /// Creates a splitter with the default Indonesian and English abbreviations.
    public init(abbreviations: Set<String> = SentenceSplitter.defaultAbbreviations) {
        self.abbreviations = abbreviations
        packedAbbreviations = Self.packed(abbreviations)
    }

    /// The ASCII words of `words` of up to eight bytes, each packed into an integer (first
    /// byte lowest), sorted.
    static func packed(_ words: Set<String>) -> [UInt64] {
        words.compactMap { word -> UInt64? in
            let bytes = Array(word.utf8)
            guard bytes.count <= 8, bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }.sorted()
    }

    /// Abbreviations common in Indonesian and English news.
    public static let defaultAbbreviations: Set<String> = [
        "jl", "no", "dr", "drs", "ir", "prof", "h", "hj", "st", "mr", "mrs", "ms", "sen", "rep",
        "gen", "col", "lt", "capt", "sgt", "jr", "sr", "vs", "etc", "dll", "dsb", "tsb", "yth",
        "kol", "mayjen", "brigjen", "letjen", "jend", "kapt", "inc", "ltd", "co", "corp", "oct",
        "okt", "jan", "feb", "mar", "apr", "aug", "agu", "sep", "sept", "nov", "dec", "des",
        "nos", "hal", "tel", "approx", "est", "sdr", "bpk", "kab", "kec", "prov",
    ]

    /// The sentences of `text`, in order. One pass over the UTF-8 bytes: ASCII is judged by
    /// byte, other scalars are decoded only where punctuation or a capital matters.
    public func split(_ text: String) -> [Sentence] {
        let source = text
        var text = text
        return text.withUTF8 { bytes in
            var sentences: [Sentence] = []
            var start = 0
            let n = bytes.count

            func emit(_ end: Int) {
                var lo = start, hi = end
                while lo < hi, let (scalar, width) = Self.scalar(bytes, at: lo), scalar.isSpace { lo += width }
                while hi > lo, let (scalar, width) = Self.scalar(bytes, before: hi), scalar.isSpace { hi -= width }
                if lo < hi {
                    sentences.append(Sentence(range: lo..<hi, in: source))
                }
                start = end
            }

            var i = 0
            // A dateline opening the text or a paragraph ("JAKARTA –", "BRUSSELS (Reuters) —",
            // "JAKARTA, KOMPAS.com -") is a segment of its own, not part of the first sentence.
            if let end = Self.datelineEnd(bytes, from: 0) { emit(end); i = end }
            while i < n {
                // Eight bytes at a time past plain ASCII that can neither end a sentence nor
                // a line (no `.`, `!`, `?`, line break or non-ASCII byte among them).
                while i + 8 <= n, !Self.mayMatter(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) { i += 8 }
                guard i < n else { break }
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    emit(i)
                    i += 1
                    if let end = Self.datelineEnd(bytes, from: i) { emit(end); i = end }
                    continue
                }
                var isStop = b == 0x2E || b == 0x21 || b == 0x3F
                var width = 1
                if b >= 0x80 {
                    guard let (scalar, w) = Self.scalar(bytes, at: i) else { i += 1; continue }
                    width = w
                    if scalar == "\u{2029}" {
                        emit(i)
                        i += w
                        continue
                    }
                    isStop = scalar == "…"
                }
                guard isStop else { i += width; continue }
                var j = i + width
                while j < n, let (scalar, w) = Self.scalar(bytes, at: j),
                      Self.isClosing(scalar) || scalar == "." || scalar == "!" || scalar == "?" { j += w }
                guard j < n, let (next, _) = Self.scalar(bytes, at: j), next == " " || next == "\t" || next == "\u{00A0}" else {
                    i += width
                    continue
                }
                var k = j
                while k < n, let (scalar, w) = Self.scalar(bytes, at: k), scalar == " " || scalar == "\t" || scalar == "\u{00A0}" { k += w }
                if k < n, let (first, _) = Self.scalar(bytes, at: k), Self.canStartSentence(first),
                   !(b == 0x2E && isAbbreviation(before: i, in: bytes)) {
                    emit(j)
                    i = j
                    continue
                }
                i += width
            }
            emit(n)
            return sentences
        }
    }

    /// Whether eight bytes (as one little-endian word) hold a byte the splitter must look at:
    /// `.`, `!`, `?`, `\n`, `\r` or any byte of a non-ASCII scalar. Exact: a zero-byte test
    /// per value, all bytes at once.
    @inline(__always)
    static func mayMatter(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ y: UInt64) -> UInt64 { (y &- ones) & ~y & highs }
        let hits = hasZero(word ^ (ones &* 0x2E)) | hasZero(word ^ (ones &* 0x21)) | hasZero(word ^ (ones &* 0x3F))
            | hasZero(word ^ (ones &* 0x0A)) | hasZero(word ^ (ones &* 0x0D))
        return (hits | (word & highs)) != 0
    }

    /// Where a dateline starting at `from` ends (just after its dash): one or more words in
    /// capitals, optionally a source after a comma or in brackets, then a dash between spaces
    /// and a capital letter. Nil when the paragraph does not open with one.
    static func datelineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let n = bytes.count
        var i = from
        while i < n, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        let start = i
        var capitals = 0
        // The place: capitals, spaces, periods (U.S.).
        while i < n, i - start < 40 {
            let b = bytes[i]
            if b >= 0x41 && b <= 0x5A { capitals += 1 } else if b != 0x20 && b != 0x2E { break }
            i += 1
        }
        while i > start, bytes[i - 1] == 0x20 { i -= 1 }
        guard capitals >= 3, i < n else { return nil }
        // An optional source: ", KOMPAS.com" or "(Reuters)".
        if bytes[i] == 0x2C || bytes[i] == 0x28 || (bytes[i] == 0x20 && i + 1 < n && bytes[i + 1] == 0x28) {
            var j = i
            while j < n, j - i < 40, bytes[j] != 0x0A, !(bytes[j] == 0x20 && j + 1 < n && (bytes[j + 1] == 0x2D || bytes[j + 1] == 0xE2)) { j += 1 }
            i = j
        }
        // " – ", " — " or " - ", then a capital (or an opening quote).
        guard i + 2 < n, bytes[i] == 0x20 else { return nil }
        var dashEnd = i + 1
        if bytes[dashEnd] == 0x2D { dashEnd += 1 }
        else if bytes[dashEnd] == 0xE2, dashEnd + 2 < n, bytes[dashEnd + 1] == 0x80, bytes[dashEnd + 2] == 0x93 || bytes[dashEnd + 2] == 0x94 { dashEnd += 3 }
        else { return nil }
        guard dashEnd + 1 < n, bytes[dashEnd] == 0x20, let (next, _) = scalar(bytes, at: dashEnd + 1), canStartSentence(next) else { return nil }
        return dashEnd
    }

    /// The scalar starting at byte `i` and its width.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        let b = bytes[i]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        return Tokenizer.decode(bytes, at: i)
    }

    /// The scalar ending just before byte `end` and its width.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> (Unicode.Scalar, Int)? {
        let b = bytes[end - 1]
        if b < 0x80 { return (Unicode.Scalar(b), 1) }
        var s = end - 1
        while s > 0, bytes[s] & 0xC0 == 0x80, end - s < 4 { s -= 1 }
        guard let (scalar, w) = Tokenizer.decode(bytes, at: s), s + w == end else { return nil }
        return (scalar, w)
    }

    /// Longest abbreviation in ``defaultAbbreviations``-style lists worth looking up.
    static let maxAbbreviationLength = 8

    /// True when the word before the period at byte `period` is an abbreviation, a single
    /// capital (`J.`) or part of a dotted acronym (`U.S.`).
    func isAbbreviation(before period: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var s = period
        var letters = 0
        while s > 0, letters <= Self.maxAbbreviationLength, let (scalar, w) = Self.scalar(bytes, before: s), Tokenizer.isWordScalar(scalar) {
            s -= w
            letters += 1
        }
        if letters == 0 || letters > Self.maxAbbreviationLength { return false }
        if s > 0, let (scalar, _) = Self.scalar(bytes, before: s), Tokenizer.isWordScalar(scalar) { return false }
        if letters == 1 {
            if let (scalar, _) = Self.scalar(bytes, at: s), scalar.properties.isUppercase { return true }
            if s >= 2, bytes[s - 1] == 0x2E { return true }
        }
        // An ASCII word folds to its lowercase form: pack it and search the packed list.
        if period - s <= 8 {
            var key: UInt64 = 0
            var high: UInt8 = 0
            for k in s..<period {
                let b = bytes[k]
                high |= b
                key |= UInt64((b &- 0x41) < 26 ? b | 0x20 : b) << (8 * UInt64(k - s))
            }
            if high < 0x80 {
                let k = partitionPoint(packedAbbreviations.count) { packedAbbreviations[$0] >= key }
                return k < packedAbbreviations.count && packedAbbreviations[k] == key
            }
        }
        return abbreviations.contains(TextFolding.fold(utf8: UnsafeBufferPointer(rebasing: bytes[s..<period])))
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "'" || c == ")" || c == "]" || c == "”" || c == "’" || c == "»"
    }

    static func canStartSentence(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 {
            let v = c.value
            return (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39) || c == "\"" || c == "'" || c == "(" || c == "["
        }
        if c.properties.isUppercase { return true }
        return c == "“" || c == "‘" || c == "«"
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answering ASCII without the property tables.
    @inline(__always)
    var isSpace: Bool {
        value < 0x80 ? (value == 0x20 || (value >= 0x09 && value <= 0x0D)) : properties.isWhitespace
    }
}
