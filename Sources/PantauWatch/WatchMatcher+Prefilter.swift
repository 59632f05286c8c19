import PantauExtractor

extension WatchMatcher {
    /// False only when no watch list can fire on a text with these stem keys
    /// (``Extractor/stemKeys(_:)``): every list has a phrase, and no phrase's keys follow
    /// one another in any language slot, nor in the Indonesian passive order. A list fires
    /// only after one of its phrases is found, and finding one needs exactly these keys in
    /// the document's own slot (plus the same sentence and equal stems), so false is
    /// certain; true only means the full analysis has to decide. It spares the daemon the
    /// sentences, tokens and language detection of the items no list could fire on.
    public func mayFire(_ keys: StemKeys) -> Bool {
        guard conditionOnlyWatches.isEmpty else { return true }
        let n = keys.count
        // Word by word: a word none of whose three keys either index may hold (most words)
        // is passed over with three bit tests.
        for i in 0..<n {
            for slot in 0..<Self.languages.count where anyIndexedKey.mayContain(keys.key(i, slot: slot)) {
                if startsPhrase(keys, at: i, slot: slot) || (slot == 0 && endsPassivePhrase(keys, at: i)) { return true }
            }
        }
        return false
    }

    /// Whether a phrase's keys in `slot` follow one another from word `i`.
    private func startsPhrase(_ keys: StemKeys, at i: Int, slot: Int) -> Bool {
        let index = byFirstTerm[slot]
        let slotKeys = flatKeys[slot]
        for position in index.lookup(keys.key(i, slot: slot)) {
            let p = index.posting(position)
            let start = Int(keyStart[p]), length = Int(keyLength[p])
            guard i + length <= keys.count else { continue }
            var k = 1
            while k < length, keys.key(i + k, slot: slot) == slotKeys[start + k] { k += 1 }
            if k >= length { return true }
        }
        return false
    }

    /// `kirim pasukan` as `pasukan … dikirim` from word `i`: the later words, then the first
    /// word's stem within the next four words (as ``passiveMatch(_:at:_:)`` looks, less its
    /// sentence and passive-form checks).
    private func endsPassivePhrase(_ keys: StemKeys, at i: Int) -> Bool {
        let n = keys.count
        let slotKeys = flatKeys[0]
        for position in bySecondTerm.lookup(keys.key(i, slot: 0)) {
            let p = bySecondTerm.posting(position)
            let start = Int(keyStart[p]), rest = Int(keyLength[p]) - 1
            guard rest >= 1, i + rest <= n else { continue }
            var k = 0
            while k < rest, keys.key(i + k, slot: 0) == slotKeys[start + k + 1] { k += 1 }
            guard k == rest else { continue }
            for j in (i + rest)..<min(i + rest + 4, n) where keys.key(j, slot: 0) == slotKeys[start] { return true }
        }
        return false
    }
}
