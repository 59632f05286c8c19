/// Splits news text into sentences.
///
/// Boundaries are line breaks (paragraphs and headings become their own sentences) and
/// `.`, `!`, `?` (plus closing quotes or brackets) followed by a space and a capital letter,
/// digit or opening quote. A period after a known abbreviation (`Jl.`, `No.`, `Dr.`) or a
/// single letter (`U.S.`) is not a boundary.
public struct SentenceSplitter: Sendable {
    /// Abbreviations (folded, without the period) that do not end a sentence.
    public var abbreviations: Set<String>

    /// Creates a splitter with the default Indonesian and English abbreviations.
    public init(abbreviations: Set<String> = SentenceSplitter.defaultAbbreviations) {
        self.abbreviations = abbreviations
    }

    /// Abbreviations common in Indonesian and English news.
    public static let defaultAbbreviations: Set<String> = [
        "jl", "no", "dr", "drs", "ir", "prof", "h", "hj", "st", "mr", "mrs", "ms", "sen", "rep",
        "gen", "col", "lt", "capt", "sgt", "jr", "sr", "vs", "etc", "dll", "dsb", "tsb", "yth",
        "kol", "mayjen", "brigjen", "letjen", "jend", "kapt", "inc", "ltd", "co", "corp", "oct",
        "okt", "jan", "feb", "mar", "apr", "aug", "agu", "sep", "sept", "nov", "dec", "des",
        "nos", "hal", "tel", "approx", "est", "sdr", "bpk", "kab", "kec", "prov",
    ]

    /// The sentences of `text`, in order.
    public func split(_ text: String) -> [Sentence] {
        let scalars = Array(text.unicodeScalars)
        var offsets: [Int] = []
        offsets.reserveCapacity(scalars.count + 1)
        var offset = 0
        for scalar in scalars {
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)

        var sentences: [Sentence] = []
        var start = 0
        let utf8 = text.utf8

        func emit(_ end: Int) {
            var lo = start, hi = end
            while lo < hi, scalars[lo].isSpace { lo += 1 }
            while hi > lo, scalars[hi - 1].isSpace { hi -= 1 }
            if lo < hi {
                let range = offsets[lo]..<offsets[hi]
                let a = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                let b = utf8.index(a, offsetBy: range.count)
                sentences.append(Sentence(range: range, text: String(text[a..<b])))
            }
            start = end
        }

        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" || c == "\r" || c == "\u{2029}" {
                emit(i)
                i += 1
                continue
            }
            if c == "." || c == "!" || c == "?" || c == "…" {
                var j = i + 1
                while j < scalars.count, Self.isClosing(scalars[j]) || scalars[j] == "." || scalars[j] == "!" || scalars[j] == "?" { j += 1 }
                guard j < scalars.count, scalars[j] == " " || scalars[j] == "\t" || scalars[j] == "\u{00A0}" else {
                    i += 1
                    continue
                }
                var k = j
                while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" || scalars[k] == "\u{00A0}" { k += 1 }
                if k < scalars.count, Self.canStartSentence(scalars[k]), !(c == "." && isAbbreviation(before: i, in: scalars)) {
                    emit(j)
                    i = j
                    continue
                }
            }
            i += 1
        }
        emit(scalars.count)
        return sentences
    }

    /// Longest abbreviation in ``defaultAbbreviations``-style lists worth looking up.
    static let maxAbbreviationLength = 8

    func isAbbreviation(before period: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var s = period
        while s > 0, period - s <= Self.maxAbbreviationLength, Tokenizer.isWordScalar(scalars[s - 1]) { s -= 1 }
        let length = period - s
        if length == 0 || length > Self.maxAbbreviationLength || (s > 0 && Tokenizer.isWordScalar(scalars[s - 1])) { return false }
        if length == 1, scalars[s].properties.isUppercase { return true }
        // Dotted acronyms such as U.S. or U.N.: a single letter preceded by "X."
        if length == 1, s >= 2, scalars[s - 1] == "." { return true }
        return abbreviations.contains(TextFolding.fold(String(String.UnicodeScalarView(scalars[s..<period]))))
    }

    static func isClosing(_ c: Unicode.Scalar) -> Bool {
        c == "\"" || c == "'" || c == ")" || c == "]" || c == "”" || c == "’" || c == "»"
    }

    static func canStartSentence(_ c: Unicode.Scalar) -> Bool {
        if c.properties.isUppercase { return true }
        if c.value >= 0x30 && c.value <= 0x39 { return true }
        return c == "“" || c == "\"" || c == "'" || c == "‘" || c == "(" || c == "«" || c == "["
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, answering ASCII without the property tables.
    @inline(__always)
    var isSpace: Bool {
        value < 0x80 ? (value == 0x20 || (value >= 0x09 && value <= 0x0D)) : properties.isWhitespace
    }
}
