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

    /// Whether a stemmer's candidate (``IndonesianStemmer/Form``: an optional first byte,
    /// then a slice of `word`) is a member, without copying its bytes.
    func contains(_ form: IndonesianStemmer.Form, in word: UnsafeBufferPointer<UInt8>) -> Bool {
        let rest = UnsafeBufferPointer(rebasing: word[form.start..<form.end])
        let h = Self.hash(head: form.head, rest)
        let count = form.count
        var slot = Int(truncatingIfNeeded: h) & mask
        while slots[slot] >= 0 {
            let i = Int(slots[slot])
            if hashes[i] == h {
                let start = Int(starts[i]), end = Int(starts[i + 1])
                if end - start == count {
                    if form.head == 0 {
                        if storage[start..<end].elementsEqual(rest) { return true }
                    } else if storage[start] == form.head, storage[(start + 1)..<end].elementsEqual(rest) {
                        return true
                    }
                }
            }
            slot = (slot + 1) & mask
        }
        return false
    }

    /// FNV-1a of `head` (when not 0) then `bytes`, finished so that the low bits (the slot)
    /// depend on every byte.
    @inline(__always)
    static func hash(head: UInt8 = 0, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        if head != 0 { h = (h ^ UInt64(head)) &* 0x100_0000_01b3 }
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h ^ (h >> 29)
    }
}
