import PantauExtractor

/// 64-bit SimHash of a document's word shingles (three consecutive stems): near-duplicate
/// texts (the same story rewritten by another outlet) differ in few bits.
public enum SimHash {
    /// The fingerprint of `tokens` (their stem keys, three at a time).
    public static func of(_ tokens: [Token]) -> UInt64 {
        guard tokens.count >= 3 else { return tokens.reduce(0) { $0 ^ mix($1.stemKey) } }
        // Eight lanes of eight counters: each byte of a shingle's hash adds ±1 to eight
        // counters at once through a 256-entry table (read and written through pointers:
        // array subscripts here cost more than the sums).
        var weights = [SIMD8<Int32>](repeating: .zero, count: 8)
        weights.withUnsafeMutableBufferPointer { weights in
            byteVotes.withUnsafeBufferPointer { votes in
                tokens.withUnsafeBufferPointer { tokens in
                    for i in 0..<(tokens.count - 2) {
                        var h = mix(tokens[i].stemKey &* 31 &+ tokens[i + 1].stemKey &* 17 &+ tokens[i + 2].stemKey)
                        for lane in 0..<8 {
                            weights[lane] &+= votes[Int(h & 0xFF)]
                            h >>= 8
                        }
                    }
                }
            }
        }
        var out: UInt64 = 0
        for lane in 0..<8 {
            for bit in 0..<8 where weights[lane][bit] > 0 { out |= 1 << UInt64(lane * 8 + bit) }
        }
        return out
    }

    /// For each byte value, +1 for its set bits and -1 for its clear ones.
    static let byteVotes: [SIMD8<Int32>] = (0..<256).map { b in
        SIMD8<Int32>((0..<8).map { (b >> $0) & 1 == 1 ? 1 : -1 })
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
