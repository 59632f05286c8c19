/// Splits text into word tokens: maximal runs of letters, digits and combining marks.
///
/// Offsets are UTF-8 byte offsets into the input. Punctuation, including hyphens, separates
/// words (`negara-negara` gives two tokens), which keeps phrase matching on word boundaries.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The word ranges of `text` as UTF-8 byte offsets.
    public func wordRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int? = nil
        var offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            if Self.isWordScalar(scalar) {
                if start == nil { start = offset }
            } else if let s = start {
                ranges.append(s..<offset)
                start = nil
            }
            offset += width
        }
        if let s = start { ranges.append(s..<offset) }
        return ranges
    }

    /// True for scalars that belong inside a word.
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 {
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
        }
        let props = scalar.properties
        if props.isAlphabetic { return true }
        switch props.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
