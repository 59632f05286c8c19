import Dispatch
import Synchronization
import Testing
@testable import PantauExtractor

/// The word memo hands every word of a document the entry of that very word: when the words
/// are new, when some are known, when the memo starts over at its capacity, and with two
/// threads adding words at once.
@Suite struct WordCacheTests {
    /// The entries `cache` gives `words`, checked against the words themselves.
    func entriesAreTheirWords(_ cache: WordCache, _ words: [String]) -> Bool {
        let keys = words.map { word -> PackedWord in
            var word = word
            return word.withUTF8 { PackedWord.ascii($0) } ?? PackedWord(hash: stemKey(word))
        }
        return cache.withEntries(keys, word: { words[$0] }, analyse: { AnalysedWord(info: WordInfo(classes: [], keys: (0, 0, stemKey($0)), masks: (0, 0, 0), aliasList: -1), indonesian: $0, english: $0) }) { rows, entries in
            entries.count == words.count && zip(entries, words).allSatisfy { entry, word in
                entry >= 0 && rows.words[entry] == word && rows.entries[entry].info.keys.2 == stemKey(word)
            }
        }
    }

    /// A memo entry (what a lookup compares and the stem-key test reads) is 64 bytes.
    @Test func anEntryIsSixtyFourBytes() {
        #expect(MemoryLayout<WordCache.Entry>.size == 64)
        #expect(MemoryLayout<WordCache.Entry>.stride == 64)
    }

    @Test func newKnownAndMixedWordsGetTheirOwnEntries() {
        let cache = WordCache()
        #expect(entriesAreTheirWords(cache, ["pasukan", "dikirim", "ke", "perbatasan", "pasukan"]))
        #expect(entriesAreTheirWords(cache, ["pasukan", "ke", "perbatasan"]))
        #expect(entriesAreTheirWords(cache, ["troops", "pasukan", "deployed", "ke", "a-very-long-word-beyond-sixteen-bytes", "kota"]))
    }

    @Test func theMemoStartsOverAtItsCapacityAndStillAnswersRight() {
        let cache = WordCache(capacity: 8)
        for round in 0..<20 {
            let words = (0..<5).map { "w\(round)x\($0)" } + ["tetap", "sama"]
            #expect(entriesAreTheirWords(cache, words), "round \(round)")
        }
    }

    /// Rows handed out stay readable after the memo has started over (a reader may still be
    /// building tokens from them while another thread fills new rows).
    @Test func rowsHandedOutOutliveAStartOver() {
        let cache = WordCache(capacity: 8)
        let words = ["pasukan", "dikirim", "a-word-longer-than-sixteen-bytes", "perbatasan"]
        let keys = words.map { word -> PackedWord in
            var word = word
            return word.withUTF8 { PackedWord.ascii($0) } ?? PackedWord(hash: stemKey(word))
        }
        let analyse = { (w: String) in AnalysedWord(info: WordInfo(classes: [], keys: (0, 0, stemKey(w)), masks: (0, 0, 0), aliasList: -1), indonesian: w + "-id", english: w + "-en") }
        let (held, entries) = cache.withEntries(keys, word: { words[$0] }, analyse: analyse) { rows, entries in (rows, entries) }
        for round in 0..<5 { #expect(entriesAreTheirWords(cache, (0..<6).map { "r\(round)w\($0)" })) }
        let (now, _) = cache.withEntries(keys, word: { words[$0] }, analyse: analyse) { rows, entries in (rows, entries) }
        #expect(now !== held)
        for (i, word) in words.enumerated() {
            #expect(held.words[entries[i]] == word)
            #expect(held.indonesian[entries[i]] == word + "-id")
            #expect(held.english[entries[i]] == word + "-en")
        }
    }

    @Test func twoThreadsAddingWordsAtOnceBothGetTheirWords() {
        let cache = WordCache(capacity: 500)
        let failures = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 2) { thread in
            for round in 0..<300 {
                let words = (0..<6).map { "k\(round % 97)v\(($0 + thread) % 4)" } + ["umum"]
                if !entriesAreTheirWords(cache, words) { failures.withLock { $0 += 1 } }
            }
        }
        #expect(failures.withLock { $0 } == 0)
    }
}
