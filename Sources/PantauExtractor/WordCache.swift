import Synchronization

/// What the extractor knows about one folded word, computed once and memoised: its classes,
/// and per language a 64-bit key of its stem (for integer-keyed indexes), the cue tables a
/// phrase of which may start with it, and its gazetteer alias list. Plain data: copying it
/// costs no reference counting (the stems themselves live in ``WordCache/Table``).
struct WordInfo: Sendable {
    // Widest first: 38 bytes, so a memo entry with its packed word fills one 64-byte line.
    /// Index 0: Indonesian, 1: English, 2: neither (the folded word itself).
    var keys: (UInt64, UInt64, UInt64)
    /// ``Gazetteer/aliasLists`` index of aliases starting with this word, or -1.
    var aliasList: Int32
    var classes: WordClass
    var masks: (UInt16, UInt16, UInt16)

    init(classes: WordClass, keys: (UInt64, UInt64, UInt64), masks: (UInt16, UInt16, UInt16), aliasList: Int32) {
        self.keys = keys
        self.aliasList = aliasList
        self.classes = classes
        self.masks = masks
    }

    func key(_ slot: Int) -> UInt64 { slot == 0 ? keys.0 : slot == 1 ? keys.1 : keys.2 }
    func mask(_ slot: Int) -> UInt16 { slot == 0 ? masks.0 : slot == 1 ? masks.1 : masks.2 }
}

/// A folded word as the cache looks it up: for ASCII words of up to 16 bytes, the folded
/// bytes packed into two integers and a hash mixed from them, so a known word is recognised
/// without building a `String`; for other words (``length`` -1, compared as strings) the
/// FNV-1a hash of the folded form.
struct PackedWord: Sendable {
    var hash: UInt64
    var a: UInt64 = 0
    var b: UInt64 = 0
    var length: Int32 = -1

    /// Packs and hashes an ASCII word's bytes, lowercased; nil when the word is not ASCII.
    @inline(__always)
    static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedWord? {
        let count = bytes.count
        guard count <= 16 else { return long(bytes) }
        var a: UInt64 = 0, b: UInt64 = 0
        var high: UInt8 = 0
        for i in 0..<count {
            let byte = bytes[i]
            high |= byte
            let lower = UInt64((byte &- 0x41) < 26 ? byte | 0x20 : byte)
            if i < 8 { a |= lower << (8 * UInt64(i)) } else { b |= lower << (8 * UInt64(i - 8)) }
        }
        guard high < 0x80 else { return nil }
        return packed(a, b, count: count)
    }

    /// The key of an ASCII word of `count` ≤ 16 bytes whose lowercased bytes are `a`
    /// (bytes 0–7, little end first) and `b` (bytes 8–15).
    @inline(__always)
    static func packed(_ a: UInt64, _ b: UInt64, count: Int) -> PackedWord {
        var h = (a ^ UInt64(count) << 59) &* 0x9E37_79B9_7F4A_7C15
        h ^= b &* 0xC2B2_AE3D_27D4_EB4F
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        return PackedWord(hash: h ^ (h >> 29), a: a, b: b, length: Int32(count))
    }

    /// A longer ASCII word: not packed, hashed like ``stemKey(_:)`` of its folded form.
    static func long(_ bytes: UnsafeBufferPointer<UInt8>) -> PackedWord? {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            if byte >= 0x80 { return nil }
            h = (h ^ UInt64((byte &- 0x41) < 26 ? byte | 0x20 : byte)) &* 0x100_0000_01b3
        }
        return PackedWord(hash: h)
    }
}

/// A word's analysis as computed on a cache miss: its info and its Indonesian and English stems.
struct AnalysedWord: Sendable {
    var info: WordInfo
    var indonesian: String
    var english: String
}

/// A bounded, thread-safe memo of word analyses shared by every document one ``Extractor``
/// analyses (news repeats its vocabulary). Words are found by their FNV-1a hash (computed
/// while folding) in an open-addressing table, then confirmed by comparing the words. The
/// lock covers finding and adding a document's words only: their rows live in ``Rows``,
/// storage that never moves and whose rows never change once added, so the stem-key test
/// and the tokens read them after the lock is released. New words are analysed outside
/// the lock. Starts over (with new rows) when it reaches ``capacity`` words.
final class WordCache: Sendable {
    /// Most words kept before the cache starts over (about 150 bytes each).
    let capacity: Int

    /// An empty memo that keeps at most `capacity` words.
    init(capacity: Int = 300_000) {
        self.capacity = capacity
        table = Mutex(Table(rows: Rows(capacity: capacity)))
    }

    /// One memo entry: what a lookup compares and what the stem-key test and the tokens
    /// read, side by side in 64 bytes (in separate columns a known word was three reads
    /// from far apart in memory: the hash, the packed word, the info).
    struct Entry {
        var info: WordInfo
        /// The packed word's length, -1 for a word that is not packed (compared as a string).
        var length: Int16
        var hash: UInt64
        var a: UInt64
        var b: UInt64
    }

    /// The memo's rows: each word's entry, folded form and stems, in four columns allocated
    /// once for ``capacity`` rows. Rows are added under the memo's lock and never changed or
    /// moved afterwards, so a row found under the lock can be read once it is released
    /// (the lock orders the writes before the read). Pages no row has reached are address
    /// space, not memory. Freed when the memo has started over and no reader holds them.
    final class Rows: @unchecked Sendable {
        /// Rows allocated.
        let capacity: Int
        /// Rows added (written under the memo's lock only).
        fileprivate(set) var count = 0
        /// Per row: the entry.
        let entries: UnsafeMutablePointer<Entry>
        /// Per row: the folded word.
        let words: UnsafeMutablePointer<String>
        /// Per row: the Indonesian stem.
        let indonesian: UnsafeMutablePointer<String>
        /// Per row: the English stem.
        let english: UnsafeMutablePointer<String>

        init(capacity: Int) {
            self.capacity = capacity
            entries = .allocate(capacity: capacity)
            words = .allocate(capacity: capacity)
            indonesian = .allocate(capacity: capacity)
            english = .allocate(capacity: capacity)
        }

        deinit {
            words.deinitialize(count: count)
            indonesian.deinitialize(count: count)
            english.deinitialize(count: count)
            entries.deallocate()
            words.deallocate()
            indonesian.deallocate()
            english.deallocate()
        }

        /// The stems of every row in language `slot` (0 Indonesian, 1 English, 2 the folded word).
        func stems(_ slot: Int) -> UnsafeMutablePointer<String> { slot == 0 ? indonesian : slot == 1 ? english : words }
    }

    /// The memo's index: open-addressing slots over the current rows.
    struct Table {
        /// Bumped each time the memo starts over: entries found before are void.
        var generation = 0
        /// Per slot: the entry + 1 in the high half and the hash's high half in the low one
        /// (most probes that miss are told by the slot alone); 0 is empty.
        var slots = [UInt64](repeating: 0, count: 1 << 16)
        var rows: Rows

        init(rows: Rows) { self.rows = rows }

        /// The slot a hash is sought at first (then the ones after it).
        @inline(__always)
        static func firstSlot(_ hash: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: hash ^ (hash >> 31)) & mask }

        /// The part of a hash a slot carries.
        @inline(__always)
        static func tag(_ hash: UInt64) -> UInt64 { hash >> 32 }

        /// The entry of `key` (a packed word), or of `word` when the key is not packed.
        @inline(__always)
        func find(_ key: PackedWord, _ word: @autoclosure () -> String) -> Int? {
            // Through pointers: this runs for every word of every item.
            let entries = rows.entries, words = rows.words
            return slots.withUnsafeBufferPointer { slots -> Int? in
                let mask = slots.count - 1
                let tag = Self.tag(key.hash)
                var slot = Self.firstSlot(key.hash, mask: mask)
                while slots[slot] != 0 {
                    let s = slots[slot]
                    if s & 0xFFFF_FFFF == tag {
                        let e = Int(s >> 32) - 1
                        let entry = entries[e]
                        if entry.hash == key.hash {
                            if key.length >= 0 {
                                if Int32(entry.length) == key.length && entry.a == key.a && entry.b == key.b { return e }
                            } else if entry.length < 0 && words[e] == word() {
                                return e
                            }
                        }
                    }
                    slot = (slot + 1) & mask
                }
                return nil
            }
        }

        /// Adds a word that ``find(_:_:)`` did not find; returns its entry. The rows must
        /// have room (``WordCache`` starts over before they fill).
        mutating func insert(_ key: PackedWord, _ word: String, _ analysed: AnalysedWord) -> Int {
            if (rows.count + 1) * 2 > slots.count { grow() }
            let e = rows.count
            place(key.hash, entry: e)
            (rows.entries + e).initialize(to: Entry(info: analysed.info, length: Int16(key.length), hash: key.hash, a: key.a, b: key.b))
            (rows.words + e).initialize(to: word)
            (rows.indonesian + e).initialize(to: analysed.indonesian)
            (rows.english + e).initialize(to: analysed.english)
            rows.count = e + 1
            return e
        }

        /// Puts entry `e` in the first free slot for `hash`.
        mutating func place(_ hash: UInt64, entry e: Int) {
            let mask = slots.count - 1
            var slot = Self.firstSlot(hash, mask: mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt64(e + 1) << 32 | Self.tag(hash)
        }

        mutating func grow() {
            slots = [UInt64](repeating: 0, count: slots.count * 2)
            for e in 0..<rows.count { place(rows.entries[e].hash, entry: e) }
        }
    }

    private let table: Mutex<Table>

    /// Finds (or adds) every word of a document, then runs `body` with the rows and each
    /// word's row, after releasing the lock. `keys[i]` identifies word `i`; `word(i)` builds
    /// its folded form (called only for words not packed and for new words).
    func withEntries<R>(
        _ keys: [PackedWord], word: (Int) -> String, analyse: (String) -> AnalysedWord, _ body: (Rows, [Int]) -> R
    ) -> R {
        var missing: [Int] = []
        var entries = [Int](repeating: -1, count: keys.count)
        var generation = 0
        let known: Rows? = table.withLock { table in
            for i in keys.indices {
                if let e = table.find(keys[i], word(i)) { entries[i] = e } else { missing.append(i) }
            }
            generation = table.generation
            return missing.isEmpty ? table.rows : nil
        }
        if let known { return body(known, entries) }
        // New words are analysed outside the lock (another thread may add them meanwhile).
        var fresh: [String: AnalysedWord] = [:]
        // The folded missing words, in the order of `missing`.
        var freshWords: [String] = []
        freshWords.reserveCapacity(missing.count)
        for i in missing {
            let w = word(i)
            freshWords.append(w)
            if fresh[w] == nil { fresh[w] = analyse(w) }
        }
        let rows: Rows = table.withLock { table in
            if table.rows.count + fresh.count > min(capacity, table.rows.capacity) {
                var empty = Table(rows: Rows(capacity: max(capacity, keys.count)))
                empty.generation = table.generation + 1
                table = empty
            }
            // Entries found in the first pass stand unless the memo started over since.
            let restarted = table.generation != generation
            for (j, i) in (restarted ? Array(keys.indices) : missing).enumerated() {
                if let e = table.find(keys[i], restarted ? word(i) : freshWords[j]) {
                    entries[i] = e
                } else {
                    let w = restarted ? word(i) : freshWords[j]
                    entries[i] = table.insert(keys[i], w, fresh[w] ?? analyse(w))
                }
            }
            return table.rows
        }
        return body(rows, entries)
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
