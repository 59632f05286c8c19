/// Splits text into word tokens: maximal runs of letters, digits and combining marks.
///
/// Offsets are UTF-8 byte offsets into the input. Punctuation, including hyphens, separates
/// words (`negara-negara` gives two tokens), which keeps phrase matching on word boundaries.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The word ranges of `text` as UTF-8 byte offsets. One pass over the bytes: ASCII is
    /// judged by byte, other scalars are decoded.
    public func wordRanges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            var start = -1
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                var width = 1
                let isWord: Bool
                if byte < 0x80 {
                    let lower = byte | 0x20
                    isWord = (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                } else if let (scalar, size) = Self.decode(bytes, at: i) {
                    width = size
                    isWord = Self.isWordScalar(scalar)
                } else {
                    isWord = false
                }
                if isWord {
                    if start < 0 { start = i }
                } else if start >= 0 {
                    ranges.append(start..<i)
                    start = -1
                }
                i += width
            }
            if start >= 0 { ranges.append(start..<bytes.count) }
            return ranges
        }
    }

    /// The scalar starting at `offset` and its length in bytes (valid UTF-8 assumed, as in
    /// any Swift string).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[offset]
        let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard offset + width <= bytes.count else { return nil }
        var iterator = bytes[offset..<(offset + width)].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, width)
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
