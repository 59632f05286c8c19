/// An immutable map from 64-bit stem keys to lists of phrase indices: open addressing over
/// flat arrays, the key's own bits as the hash (keys are FNV-1a already). The matcher probes
/// it once per document token, so it avoids `Dictionary`'s per-lookup hashing.
struct KeyIndex: Sendable {
    private let keys: [UInt64]
    /// Per slot: start of its postings, or -1 for an empty slot.
    private let starts: [Int32]
    private let counts: [Int32]
    private let postings: [Int32]
    private let mask: Int

    init(_ lists: [UInt64: [Int]]) {
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

    /// The phrase indices stored under `key` (empty when none).
    @inline(__always)
    func lookup(_ key: UInt64) -> ArraySlice<Int32> {
        var slot = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while starts[slot] >= 0 {
            if keys[slot] == key {
                let start = Int(starts[slot])
                return postings[start..<(start + Int(counts[slot]))]
            }
            slot = (slot + 1) & mask
        }
        return []
    }
}
