/// An immutable map from 64-bit stem keys to lists of phrase indices: open addressing over
/// flat arrays, the key's own bits as the hash (keys are FNV-1a already). The matcher probes
/// it once per document token, so it avoids `Dictionary`'s per-lookup hashing.
struct KeyIndex: Sendable {
    private let keys: [UInt64]
    /// Per slot: start of its postings, or -1 for an empty slot.
    private let starts: [Int32]
    private let counts: [Int32]
    let postings: [Int32]
    private let mask: Int
    /// A clear bit means no key can match, which settles most document tokens with one load.
    private let filter: KeyFilter

    init(_ lists: [UInt64: [Int]]) {
        self.filter = KeyFilter(lists.keys)
        var capacity = 8
        while capacity < lists.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var starts = [Int32](repeating: -1, count: capacity)
        var counts = [Int32](repeating: 0, count: capacity)
        var postings: [Int32] = []
        let mask = capacity - 1
        for (key, list) in lists {
            var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
            while starts[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            starts[slot] = Int32(postings.count)
            counts[slot] = Int32(list.count)
            postings.append(contentsOf: list.map(Int32.init))
        }
        self.keys = keys
        self.starts = starts
        self.counts = counts
        self.postings = postings
        self.mask = mask
    }

    /// Where the phrase indices stored under `key` lie in ``postings`` (empty when none).
    @inline(__always)
    func lookup(_ key: UInt64) -> Range<Int> {
        if !filter.mayContain(key) { return 0..<0 }
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while starts[slot] >= 0 {
            if keys[slot] == key {
                let start = Int(starts[slot])
                return start..<(start + Int(counts[slot]))
            }
            slot = (slot + 1) & mask
        }
        return 0..<0
    }

    /// The phrase index at position `i` of ``postings``.
    @inline(__always)
    func posting(_ i: Int) -> Int { Int(postings[i]) }
}

/// One bit per value of a key's low 16 bits (an 8 KiB table): a clear bit means the key is
/// not in the set it was built from; a set bit means it may be.
struct KeyFilter: Sendable {
    private let bits: [UInt64]

    init(_ keys: some Sequence<UInt64>) {
        var bits = [UInt64](repeating: 0, count: 1024)
        for key in keys { bits[Int(key & 0xFFFF) >> 6] |= 1 << (key & 63) }
        self.bits = bits
    }

    @inline(__always)
    func mayContain(_ key: UInt64) -> Bool { bits[Int(key & 0xFFFF) >> 6] & (1 << (key & 63)) != 0 }
}
