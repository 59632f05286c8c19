import Synchronization

/// What the extractor knows about one folded word, computed once and memoised: its classes,
/// and per language its stem, a 64-bit key of the stem (for integer-keyed indexes) and the
/// cue tables a phrase of which may start with it.
struct WordInfo: Sendable {
    var classes: WordClass
    /// Index 0: Indonesian, 1: English, 2: neither (the folded word itself).
    var stems: (String, String, String)
    var keys: (UInt64, UInt64, UInt64)
    var masks: (UInt16, UInt16, UInt16)
    /// ``Gazetteer/aliasLists`` index of aliases starting with this word, or -1.
    var aliasList: Int32

    func stem(_ slot: Int) -> String { slot == 0 ? stems.0 : slot == 1 ? stems.1 : stems.2 }
    func key(_ slot: Int) -> UInt64 { slot == 0 ? keys.0 : slot == 1 ? keys.1 : keys.2 }

    /// Filler for a slot about to be computed.
    static let placeholder = WordInfo(classes: [], stems: ("", "", ""), keys: (0, 0, 0), masks: (0, 0, 0), aliasList: -1)
    func mask(_ slot: Int) -> UInt16 { slot == 0 ? masks.0 : slot == 1 ? masks.1 : masks.2 }
}

/// A bounded, thread-safe memo of ``WordInfo`` shared by every document one ``Extractor``
/// analyses (news repeats its vocabulary). Lookups for a whole document take the lock once;
/// new words are analysed outside the lock. Words are found by their FNV-1a hash (computed
/// while folding) in an open-addressing table, then confirmed by comparing the words.
/// Cleared when it reaches ``capacity`` words.
final class WordCache: Sendable {
    /// Most words kept before the cache starts over (about 150 bytes each).
    static let capacity = 300_000

    struct Table {
        var slots = [Int32](repeating: -1, count: 1 << 12)
        var hashes: [UInt64] = []
        var words: [String] = []
        var infos: [WordInfo] = []

        func find(_ hash: UInt64, _ word: String) -> Int? {
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
            while slots[slot] >= 0 {
                let e = Int(slots[slot])
                if hashes[e] == hash && words[e] == word { return e }
                slot = (slot + 1) & mask
            }
            return nil
        }

        mutating func insert(_ hash: UInt64, _ word: String, _ info: WordInfo) {
            if find(hash, word) != nil { return }
            if (words.count + 1) * 2 > slots.count { grow() }
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(words.count)
            hashes.append(hash)
            words.append(word)
            infos.append(info)
        }

        mutating func grow() {
            var bigger = [Int32](repeating: -1, count: slots.count * 2)
            let mask = bigger.count - 1
            for (e, hash) in hashes.enumerated() {
                var slot = Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask
                while bigger[slot] >= 0 { slot = (slot + 1) & mask }
                bigger[slot] = Int32(e)
            }
            slots = bigger
        }
    }

    private let table = Mutex(Table())

    /// The info of every word in `words` (with `hashes[i]` the FNV-1a hash of `words[i]`),
    /// computing misses with `analyse`.
    func infos(_ words: [String], hashes: [UInt64], analyse: (String) -> WordInfo) -> [WordInfo] {
        var out: [WordInfo] = []
        out.reserveCapacity(words.count)
        var missing: [Int] = []
        table.withLock { table in
            for i in words.indices {
                if let e = table.find(hashes[i], words[i]) {
                    out.append(table.infos[e])
                } else {
                    out.append(WordInfo.placeholder)
                    missing.append(i)
                }
            }
        }
        guard !missing.isEmpty else { return out }
        var fresh: [String: WordInfo] = [:]
        for i in missing {
            if let done = fresh[words[i]] { out[i] = done; continue }
            let info = analyse(words[i])
            fresh[words[i]] = info
            out[i] = info
        }
        table.withLock { table in
            if table.words.count + fresh.count > Self.capacity { table = Table() }
            for i in missing { table.insert(hashes[i], words[i], out[i]) }
        }
        return out
    }
}

/// FNV-1a, 64 bits: the key of a stem in integer-keyed indexes (``Token/stemKey``); users
/// confirm a key match by comparing the stems.
@inline(__always)
public func stemKey(_ s: String) -> UInt64 {
    var s = s
    return s.withUTF8 { bytes in
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return h
    }
}
