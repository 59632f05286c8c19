import PantauExtractor

/// Watch lists compiled once into a phrase index, then run on many documents.
///
/// Every phrase becomes a sequence of terms (tokenized, folded, analyzed). Matching walks the
/// document's terms once and looks each up in an index keyed by a phrase's first term, so the
/// cost grows with the document, not with the number of phrases. A phrase matches whole
/// words inside one sentence.
public struct WatchMatcher: Sendable {
    enum Role: Sendable { case any, all, none }

    struct Phrase: Sendable {
        var text: String
        /// The phrase's stems, per document language (index: ``languageSlot(_:)``).
        var terms: [[String]]
        /// 64-bit keys of ``terms`` (the tokens' ``Token/stemKey``).
        var keys: [[UInt64]]
        var watch: Int
        var role: Role
    }

    /// The watch lists, in the order given.
    public let watches: [WatchDefinition]
    let phrases: [Phrase]
    /// Phrase indices keyed by the key of their first stem, one table per document language.
    let byFirstTerm: [KeyIndex]
    /// Indonesian phrases of two or more words whose first word is a known root, keyed by
    /// their second stem: `kirim pasukan` also matches the passive `pasukan … dikirim`.
    let bySecondTerm: KeyIndex
    /// Every phrase's keys back to back, per language slot; phrase `p` occupies
    /// `keyStart[p] ..< keyStart[p] + keyLength[p]`.
    let flatKeys: [[UInt64]]
    let keyStart: [Int32]
    let keyLength: [Int32]
    /// Per watch list: how many `any`/`all` phrases it has, and how many `all` phrases.
    let positivePhrases: [Int]
    let allPhrases: [Int]
    let morphology: Morphology
    static let languages: [Language] = [.indonesian, .english, .other]

    static func languageSlot(_ language: Language) -> Int {
        switch language {
        case .indonesian: 0
        case .english: 1
        case .other: 2
        }
    }

    /// Compiles `watches`, stemming every phrase once per language with `morphology` (the
    /// same morphology the extractor used for the documents). Phrases with no words are
    /// ignored (configuration validation reports them; see ``words(in:)``).
    public init(watches: [WatchDefinition], morphology: Morphology = Morphology()) {
        self.watches = watches
        self.morphology = morphology
        var phrases: [Phrase] = []
        var index = [[UInt64: [Int]]](repeating: [:], count: Self.languages.count)
        var second: [UInt64: [Int]] = [:]
        for (w, watch) in watches.enumerated() {
            let roles: [(Role, [String])] = [(.any, watch.any), (.all, watch.all), (.none, watch.none)]
            for (role, list) in roles {
                for text in list {
                    let words = Self.words(in: text)
                    guard !words.isEmpty else { continue }
                    let terms = Self.languages.map { language in words.map { morphology.stem($0, language: language) } }
                    let keys = terms.map { $0.map(stemKey(_:)) }
                    for slot in terms.indices { index[slot][keys[slot][0], default: []].append(phrases.count) }
                    if words.count >= 2, morphology.indonesian.roots.contains(terms[0][0]) {
                        second[keys[0][1], default: []].append(phrases.count)
                    }
                    phrases.append(Phrase(text: text, terms: terms, keys: keys, watch: w, role: role))
                }
            }
        }
        self.phrases = phrases
        self.byFirstTerm = index.map(KeyIndex.init)
        var flat = [[UInt64]](repeating: [], count: Self.languages.count)
        var starts: [Int32] = [], lengths: [Int32] = []
        for phrase in phrases {
            starts.append(Int32(flat[0].count))
            lengths.append(Int32(phrase.keys[0].count))
            for slot in flat.indices { flat[slot] += phrase.keys[slot] }
        }
        var positive = [Int](repeating: 0, count: watches.count), all = positive
        for phrase in phrases where phrase.role != .none {
            positive[phrase.watch] += 1
            if phrase.role == .all { all[phrase.watch] += 1 }
        }
        self.positivePhrases = positive
        self.allPhrases = all
        self.flatKeys = flat
        self.keyStart = starts
        self.keyLength = lengths
        self.bySecondTerm = KeyIndex(second)
    }

    /// The folded words of a phrase, as the matcher sees them. Empty means the phrase can
    /// never match.
    public static func words(in phrase: String) -> [String] {
        Tokenizer().wordRanges(in: phrase).map { range in
            let utf8 = phrase.utf8
            let a = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
            let b = utf8.index(a, offsetBy: range.count)
            return TextFolding.fold(phrase[a..<b])
        }
    }

    /// The watch lists that fire on `extraction`, in watch-list order.
    public func match(_ extraction: Extraction) -> [WatchMatch] {
        let tokens = extraction.tokens
        let slot = Self.languageSlot(extraction.language)
        let index = byFirstTerm[slot]

        // Occurrences per phrase index (token ranges).
        var occurrences: [Int: [Range<Int>]] = [:]
        // Flat arrays in the hot loop: no token or phrase struct (and their strings and
        // arrays) is touched until all keys agree.
        let slotKeys = flatKeys[slot]
        let tokenKeys = tokens.map(\.stemKey)
        let tokenSentences = tokens.map(\.sentence)
        for i in tokens.indices {
            for position in index.lookup(tokenKeys[i]) {
                let p = index.posting(position)
                let start = Int(keyStart[p]), length = Int(keyLength[p])
                let end = i + length
                guard end <= tokens.count, tokenSentences[end - 1] == tokenSentences[i] else { continue }
                var ok = true
                for k in 1..<max(length, 1) where k < length && tokenKeys[i + k] != slotKeys[start + k] {
                    ok = false
                    break
                }
                if ok, (0..<length).allSatisfy({ tokens[i + $0].stem == phrases[p].terms[slot][$0] }) {
                    occurrences[p, default: []].append(i..<end)
                }
            }
            if slot == 0 {
                for position in bySecondTerm.lookup(tokenKeys[i]) {
                    let p = bySecondTerm.posting(position)
                    if let span = passiveMatch(phrases[p].terms[0], at: i, tokens) { occurrences[p, default: []].append(span) }
                }
            }
        }
        if occurrences.isEmpty { return [] }

        // Only watch lists with at least one phrase found can fire; only found phrases are
        // visited (phrase indices ascend within a watch list, as written).
        var foundByWatch: [Int: [Int]] = [:]
        for p in occurrences.keys.sorted() { foundByWatch[phrases[p].watch, default: []].append(p) }
        var results: [WatchMatch] = []
        for w in foundByWatch.keys.sorted() {
            let watch = watches[w]
            var anyHit = false, allFound = 0, vetoed = false
            var hits: [WatchMatch.Hit] = []
            for p in foundByWatch[w]! {
                let phrase = phrases[p]
                switch phrase.role {
                case .any: anyHit = true
                case .all: allFound += 1
                case .none: vetoed = true
                }
                guard phrase.role != .none else { continue }
                for span in occurrences[p]! {
                    let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
                    hits.append(.init(term: phrase.text, text: extraction.surface(range), sentence: tokens[span.lowerBound].sentence, range: range))
                }
            }
            let hasPositive = positivePhrases[w] > 0, allHit = allFound == allPhrases[w]
            let anyList = !watch.any.isEmpty
            guard hasPositive, !vetoed, allHit, anyHit || !anyList else { continue }
            hits.sort { $0.range.lowerBound < $1.range.lowerBound }
            let evidence = Self.evidenceSentence(for: hits)
            results.append(WatchMatch(
                watch: watch.name, severity: watch.severity, hits: hits,
                evidence: extraction.sentences[evidence].text, evidenceSentence: evidence
            ))
        }
        return results
    }

    /// The passive order of an Indonesian phrase `V O…`: `O…` at `i`, then within three words
    /// a passive form of `V` (`pasukan tersebut dikirim`).
    func passiveMatch(_ terms: [String], at i: Int, _ tokens: [Token]) -> Range<Int>? {
        let rest = terms.count - 1
        guard i + rest <= tokens.count, tokens[i + rest - 1].sentence == tokens[i].sentence else { return nil }
        for k in 0..<rest where tokens[i + k].stem != terms[k + 1] { return nil }
        var j = i + rest
        while j < min(i + rest + 4, tokens.count), tokens[j].sentence == tokens[i].sentence {
            if tokens[j].stem == terms[0], morphology.isPassive(tokens[j].folded, stem: tokens[j].stem, language: .indonesian) {
                return i..<(j + 1)
            }
            j += 1
        }
        return nil
    }

    /// The sentence holding the most distinct phrases; the earliest on ties.
    static func evidenceSentence(for hits: [WatchMatch.Hit]) -> Int {
        var distinct: [Int: Set<String>] = [:]
        for hit in hits { distinct[hit.sentence, default: []].insert(hit.term) }
        var best = hits[0].sentence, bestCount = 0
        for (sentence, terms) in distinct where terms.count > bestCount || (terms.count == bestCount && sentence < best) {
            best = sentence
            bestCount = terms.count
        }
        return best
    }
}
