/// Splits text into word tokens: maximal runs of letters, digits and combining marks.
///
/// Offsets are UTF-8 byte offsets into the input. Punctuation, including hyphens, separates
/// words (`negara-negara` gives two tokens), which keeps phrase matching on word boundaries.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The word ranges of `text` as UTF-8 byte offsets. One pass over the bytes: ASCII is
    /// judged by a bit table, other scalars are decoded.
    public func wordRanges(in text: String) -> [Range<Int>] {
        var text = text
        return text.withUTF8 { bytes in
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(bytes.count / 6 + 1)
            let count = bytes.count
            var i = 0
            while let (start, first) = Self.nextWord(bytes, from: i) {
                i = start + first
                var width = 0
                while i < count, Self.isWord(bytes, at: i, width: &width) { i += width }
                ranges.append(start..<i)
            }
            return ranges
        }
    }

    /// The word ranges of `bytes` (as ``wordRanges(in:)`` finds them) and, in the same pass,
    /// the memo key of each: ASCII words of up to 16 bytes are packed lowercase while they
    /// are read; any other word's key comes from `otherKey(index, bytes)`.
    func scan(_ bytes: UnsafeBufferPointer<UInt8>, otherKey: (Int, UnsafeBufferPointer<UInt8>) -> PackedWord)
        -> (ranges: [Range<Int>], keys: [PackedWord]) {
        var ranges: [Range<Int>] = []
        var keys: [PackedWord] = []
        ranges.reserveCapacity(bytes.count / 6 + 1)
        keys.reserveCapacity(bytes.count / 6 + 1)
        let count = bytes.count
        var i = 0
        var width = 0
        while true {
            // ASCII between words (spaces, punctuation) is skipped here; a non-ASCII byte
            // is decoded by ``nextWord(_:from:)``.
            while i < count, bytes[i] < 0x80, !Self.isASCIIWord(bytes[i]) { i += 1 }
            guard i < count else { break }
            if bytes[i] >= 0x80 {
                guard let (next, _) = Self.nextWord(bytes, from: i) else { break }
                i = next
            }
            let start = i
            // Packed while the word is plain ASCII and short; otherwise only its end is sought.
            var a: UInt64 = 0, b: UInt64 = 0
            var packable = true
            // Most words: eight bytes at a time, away from the end of the text. A word that
            // stops at an ASCII byte within 16 is done; anything else (a non-ASCII byte, a
            // longer word) carries on below from where this stopped, unpacked.
            if i + 16 <= count, bytes[i] < 0x80 {
                let base = UnsafeRawPointer(bytes.baseAddress! + i)
                let (first, n0) = Self.wordPrefix(base.loadUnaligned(as: UInt64.self))
                if n0 < 8 {
                    i += n0
                    if bytes[i] < 0x80 {
                        keys.append(PackedWord.packed(first, 0, count: n0))
                        ranges.append(start..<i)
                        continue
                    }
                } else {
                    let (second, n1) = Self.wordPrefix((base + 8).loadUnaligned(as: UInt64.self))
                    i += 8 + n1
                    if n1 < 8, bytes[i] < 0x80 {
                        keys.append(PackedWord.packed(first, second, count: 8 + n1))
                        ranges.append(start..<i)
                        continue
                    }
                }
                packable = false
            }
            while i < count {
                guard Self.isWord(bytes, at: i, width: &width) else { break }
                let byte = bytes[i]
                if byte < 0x80 {
                    let lower = UInt64((byte &- 0x41) < 26 ? byte | 0x20 : byte)
                    let n = i - start
                    if n < 8 { a |= lower << (8 * UInt64(n)) } else if n < 16 { b |= lower << (8 * UInt64(n - 8)) } else { packable = false }
                } else {
                    packable = false
                }
                i += width
            }
            keys.append(packable ? PackedWord.packed(a, b, count: i - start)
                                 : otherKey(ranges.count, UnsafeBufferPointer(rebasing: bytes[start..<i])))
            ranges.append(start..<i)
        }
        return (ranges, keys)
    }

    /// The ASCII letters and digits that open `word` (eight bytes, the first in the low
    /// byte), lowercased, with the other bytes zeroed, and how many there are (0…8).
    @inline(__always)
    static func wordPrefix(_ word: UInt64) -> (UInt64, Int) {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        // Per byte of `x`, the high bit says: b ≥ n, or b ≤ n (valid for ASCII bytes only;
        // no borrow crosses a byte).
        @inline(__always) func atLeast(_ x: UInt64, _ n: UInt64) -> UInt64 { ((x | highs) &- n &* ones) & highs }
        @inline(__always) func atMost(_ x: UInt64, _ n: UInt64) -> UInt64 { ((n &* ones | highs) &- (x & ~highs)) & highs }
        let ascii = ~word & highs
        // Setting bit 5 lowercases letters and leaves digits as they are (theirs is set):
        // a byte is a letter when it is then a–z, a digit when it was 0–9.
        let lowered = word | 0x20 &* ones
        let isWord = (atLeast(lowered, 0x61) & atMost(lowered, 0x7A) | atLeast(word, 0x30) & atMost(word, 0x39)) & ascii
        let length = (~isWord & highs).trailingZeroBitCount / 8
        return (length == 8 ? lowered : lowered & ((1 << (8 * UInt64(length))) &- 1), length)
    }

    /// Whether an ASCII byte is a letter or a digit.
    @inline(__always)
    static func isASCIIWord(_ byte: UInt8) -> Bool {
        (byte < 64 ? asciiWordBits.0 >> byte : asciiWordBits.1 >> (byte &- 64)) & 1 != 0
    }

    /// ASCII letters and digits, as bits: bytes 0–63 in `.0`, 64–127 in `.1`.
    static let asciiWordBits: (UInt64, UInt64) = (0x03FF_0000_0000_0000, 0x07FF_FFFE_07FF_FFFE)

    /// Where the next word at or after `i` starts, and the byte width of its first
    /// character; nil when none does.
    @inline(__always)
    static func nextWord(_ bytes: UnsafeBufferPointer<UInt8>, from i: Int) -> (start: Int, width: Int)? {
        var i = i, width = 0
        while i < bytes.count {
            if isWord(bytes, at: i, width: &width) { return (i, width) }
            i += width
        }
        return nil
    }

    /// Whether the scalar at `offset` belongs inside a word; `width` gets its length in bytes
    /// (1 for an undecodable byte, which is not a word character).
    @inline(__always)
    static func isWord(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, width: inout Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x80 {
            width = 1
            return isASCIIWord(byte)
        }
        guard let (scalar, size) = decode(bytes, at: offset) else {
            width = 1
            return false
        }
        width = size
        return isWordScalar(scalar)
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
