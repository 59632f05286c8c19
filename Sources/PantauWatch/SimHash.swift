import PantauExtractor

/// 64-bit SimHash of a document's word shingles (three consecutive stems): near-duplicate
/// texts (the same story rewritten by another outlet) differ in few bits.
public enum SimHash {
    /// The fingerprint of `tokens` (their stem keys, three at a time).
    public static func of(_ tokens: [Token]) -> UInt64 {
        guard tokens.count >= 3 else { return tokens.reduce(0) { $0 ^ mix($1.stemKey) } }
        // Per bit, how many shingle hashes have it set; the bit is kept when more than half
        // do. Counted eight at a time: each hash byte, spread one bit per byte through a
        // 256-entry table, is added to a 64-bit word of eight byte-wide counters, which are
        // emptied into 32-bit ones before they can overflow.
        let n = tokens.count - 2
        var set = [Int32](repeating: 0, count: 64)
        set.withUnsafeMutableBufferPointer { set in
            spread.withUnsafeBufferPointer { spread in
                tokens.withUnsafeBufferPointer { tokens in
                    var lanes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
                    func empty(_ lanes: inout (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)) {
                        withUnsafeBytes(of: &lanes) { bytes in
                            for i in 0..<64 { set[i] += Int32(bytes[i]) }
                        }
                        lanes = (0, 0, 0, 0, 0, 0, 0, 0)
                    }
                    var pending = 0
                    for i in 0..<n {
                        let h = mix(tokens[i].stemKey &* 31 &+ tokens[i + 1].stemKey &* 17 &+ tokens[i + 2].stemKey)
                        lanes.0 &+= spread[Int(h & 0xFF)]
                        lanes.1 &+= spread[Int(h >> 8 & 0xFF)]
                        lanes.2 &+= spread[Int(h >> 16 & 0xFF)]
                        lanes.3 &+= spread[Int(h >> 24 & 0xFF)]
                        lanes.4 &+= spread[Int(h >> 32 & 0xFF)]
                        lanes.5 &+= spread[Int(h >> 40 & 0xFF)]
                        lanes.6 &+= spread[Int(h >> 48 & 0xFF)]
                        lanes.7 &+= spread[Int(h >> 56)]
                        pending += 1
                        if pending == 255 {
                            empty(&lanes)
                            pending = 0
                        }
                    }
                    empty(&lanes)
                }
            }
        }
        var out: UInt64 = 0
        for bit in 0..<64 where 2 * Int(set[bit]) > n { out |= 1 << UInt64(bit) }
        return out
    }

    /// For each byte value, its bits spread one per byte (bit `k` into byte `k`), so that
    /// adding spread bytes counts each bit position in its own byte.
    static let spread: [UInt64] = (0..<256).map { b in
        (0..<8).reduce(UInt64(0)) { word, k in word | UInt64((b >> k) & 1) << (8 * UInt64(k)) }
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
