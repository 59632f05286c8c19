/// The analysed text as the recognizers see it: bytes, tokens with stems, sentences.
///
/// Internal working view shared by the recognizers during one ``Extractor/extract(_:language:published:)``.
struct Document {
    let bytes: [UInt8]
    let tokens: [Token]
    let sentences: [Sentence]
    let language: Language
    /// Token index range of each sentence.
    let sentenceTokens: [Range<Int>]

    /// Per sentence, the union of its tokens' cue masks: a sentence whose bit for a table is
    /// clear holds no phrase of it, so it needs no scan.
    let sentenceMask: [UInt16]
    /// The union over the whole document.
    let documentMask: UInt16

    /// True when sentence `s` may hold a phrase of `table`.
    func sentence(_ s: Int, mayHold table: CueTable) -> Bool { sentenceMask[s] & table.bit != 0 }

    /// True when the document may hold a phrase of `table`.
    func mayHold(_ table: CueTable) -> Bool { documentMask & table.bit != 0 }

    init(text: String, tokens: [Token], sentences: [Sentence], language: Language) {
        bytes = Array(text.utf8)
        self.tokens = tokens
        self.sentences = sentences
        self.language = language
        var ranges = [Range<Int>](repeating: 0..<0, count: sentences.count)
        var i = 0
        for s in sentences.indices {
            let start = i
            while i < tokens.count, tokens[i].sentence == s { i += 1 }
            ranges[s] = start..<i
        }
        sentenceTokens = ranges
        var masks = [UInt16](repeating: 0, count: sentences.count)
        var all: UInt16 = 0
        // By index: iterating the tokens themselves copied each (and retained its strings).
        for i in tokens.indices {
            let mask = tokens[i].cueMask
            masks[tokens[i].sentence] |= mask
            all |= mask
        }
        sentenceMask = masks
        documentMask = all
    }

    /// The surface text of a byte range.
    func surface(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    /// The surface text from token `a` through token `b` (inclusive).
    func surface(tokens a: Int, _ b: Int) -> String { surface(tokens[a].range.lowerBound..<tokens[b].range.upperBound) }

    /// True when the token's first letter is a capital (or it starts with a digit).
    func isCapitalized(_ i: Int) -> Bool {
        let b = bytes[tokens[i].range.lowerBound]
        if b < 0x80 { return (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) }
        let s = surface(tokens[i].range)
        return s.unicodeScalars.first?.properties.isUppercase ?? false
    }

    /// True when every letter of the token is a capital.
    func isAllCaps(_ i: Int) -> Bool {
        bytes[tokens[i].range].allSatisfy { !($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// The bytes between token `i` and token `i + 1`.
    func gap(after i: Int) -> ArraySlice<UInt8> {
        guard i + 1 < tokens.count else { return [] }
        return bytes[tokens[i].range.upperBound..<tokens[i + 1].range.lowerBound]
    }

    /// True when tokens `i` and `i + 1` are joined by a space, hyphen, period or apostrophe
    /// only (they can belong to one name).
    func isTight(after i: Int) -> Bool {
        let g = gap(after: i)
        return g.count <= 2 && g.allSatisfy { $0 == 0x20 || $0 == 0x2D || $0 == 0x2E || $0 == 0x27 } && tokens[i].sentence == tokens[i + 1].sentence
    }

    /// True when the token is a plain number (ASCII digits).
    func isDigits(_ i: Int) -> Bool { tokens[i].classes.contains(.digits) }
}
