/// Case and accent folding for matching: `Éskalasi` and `eskalasi` fold to the same key.
///
/// Folding is pure and locale-independent. ASCII takes a fast path; other scripts are
/// lowercased and stripped of combining marks after canonical decomposition.
public enum TextFolding {
    /// Returns the folded (lowercased, accent-free) form of `word`.
    public static func fold<S: StringProtocol>(_ word: S) -> String {
        var isASCII = true
        var hasUpper = false
        for byte in word.utf8 {
            if byte >= 0x80 { isASCII = false; break }
            if byte >= 0x41 && byte <= 0x5A { hasUpper = true }
        }
        if isASCII {
            if !hasUpper { return String(word) }
            return String(decoding: word.utf8.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        var scalars = String.UnicodeScalarView()
        for scalar in String(word).lowercased().unicodeScalars where !isCombiningMark(scalar) {
            // Precomposed Latin letters map to their base letter; combining marks drop.
            if let base = LatinAccents.base[scalar.value], let baseScalar = Unicode.Scalar(base) {
                scalars.append(baseScalar)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The folded form of the UTF-8 `bytes` of one word; ASCII is lowercased in place
    /// without decoding.
    public static func fold(utf8 bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return fold(String(decoding: bytes, as: UTF8.self)) }
        return String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (i, byte) in bytes.enumerated() {
                buffer[i] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            }
            return bytes.count
        }
    }

    /// The folded form of one word's UTF-8 `bytes` and its FNV-1a key (``stemKey(_:)`` of
    /// the folded form), computed in the same pass for ASCII words.
    static func foldWithKey(utf8 bytes: UnsafeBufferPointer<UInt8>) -> (String, UInt64) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var ascii = true
        for byte in bytes {
            if byte >= 0x80 { ascii = false; break }
            let lower = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
            h = (h ^ UInt64(lower)) &* 0x100_0000_01b3
        }
        guard ascii else {
            let folded = fold(String(decoding: bytes, as: UTF8.self))
            return (folded, stemKey(folded))
        }
        let folded = String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for (i, byte) in bytes.enumerated() { buffer[i] = (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }
            return bytes.count
        }
        return (folded, h)
    }

    static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}

/// Base letters for precomposed Latin letters with diacritics (lowercase only: folding
/// lowercases first).
enum LatinAccents {
    static let base: [UInt32: UInt32] = {
        var table: [UInt32: UInt32] = [:]
        let groups: [(Character, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ďđ"), ("e", "èéêëēĕėęě"),
            ("g", "ĝğġģ"), ("h", "ĥħ"), ("i", "ìíîïĩīĭįı"), ("j", "ĵ"), ("k", "ķ"),
            ("l", "ĺļľŀł"), ("n", "ñńņňŉ"), ("o", "òóôõöøōŏő"), ("r", "ŕŗř"),
            ("s", "śŝşš"), ("t", "ţťŧ"), ("u", "ùúûüũūŭůűų"), ("w", "ŵ"),
            ("y", "ýÿŷ"), ("z", "źżž"),
        ]
        for (baseLetter, accented) in groups {
            for scalar in accented.unicodeScalars {
                table[scalar.value] = baseLetter.unicodeScalars.first!.value
            }
        }
        return table
    }()
}
