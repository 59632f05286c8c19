/// An immutable set of byte strings (folded words) that answers from bytes, without building
/// a `String` or hashing one: the stemmer asks it about every candidate root of every new
/// word, and most candidates are not roots.
struct ByteSet: Sendable {
    /// Per slot: the member's index, or -1 for an empty slot.
    private let slots: [Int32]
    private let hashes: [UInt64]
    /// Member `i` is `storage[starts[i]..<starts[i + 1]]`.
    private let starts: [Int32]
    private let storage: [UInt8]
    private let mask: Int

    /// The set of `words`' UTF-8 bytes.
    init<S: Sequence>(_ words: S) where S.Element == String {
        var hashes: [UInt64] = [], starts: [Int32] = [0], storage: [UInt8] = []
        var seen = Set<String>()
        for word in words where seen.insert(word).inserted {
            storage.append(contentsOf: word.utf8)
            starts.append(Int32(storage.count))
            hashes.append(Self.hash(storage[Int(starts[starts.count - 2])...]))
        }
        var capacity = 16
        while capacity < hashes.count * 2 { capacity <<= 1 }
        var slots = [Int32](repeating: -1, count: capacity)
        for (i, h) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: h) & (capacity - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = Int32(i)
        }
        self.slots = slots
        self.hashes = hashes
        self.starts = starts
        self.storage = storage
        self.mask = capacity - 1
    }

    /// Whether `bytes` is a member.
    func contains(_ bytes: ArraySlice<UInt8>) -> Bool {
        let h = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if hashes[i] == h, storage[Int(starts[i])..<Int(starts[i + 1])].elementsEqual(bytes) { return true }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// FNV-1a, finished so that the low bits (the slot) depend on every byte.
    static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }
}
