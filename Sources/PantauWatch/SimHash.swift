import PantauExtractor

/// 64-bit SimHash of a document's word shingles (three consecutive stems): near-duplicate
/// texts (the same story rewritten by another outlet) differ in few bits.
public enum SimHash {
    /// The fingerprint of `tokens` (their stem keys, three at a time).
    public static func of(_ tokens: [Token]) -> UInt64 {
        guard tokens.count >= 3 else { return tokens.reduce(0) { $0 ^ mix($1.stemKey) } }
        var weights = [Int](repeating: 0, count: 64)
        for i in 0..<(tokens.count - 2) {
            let h = mix(tokens[i].stemKey &* 31 &+ tokens[i + 1].stemKey &* 17 &+ tokens[i + 2].stemKey)
            for bit in 0..<64 { weights[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where weights[bit] > 0 { out |= 1 << UInt64(bit) }
        return out
    }

    /// Bits in which two fingerprints differ.
    public static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }

    /// A 64-bit finaliser (splitmix64) that spreads shingle keys over all bits.
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
