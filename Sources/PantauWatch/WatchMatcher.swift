import PantauExtractor

/// Watch lists compiled once into a phrase index, then run on many documents.
///
/// Every phrase becomes a sequence of terms (tokenized, folded, analyzed). Matching walks the
/// document's terms once and looks each up in an index keyed by a phrase's first term, so the
/// cost grows with the document, not with the number of phrases. A phrase matches whole
/// words inside one sentence.
public struct WatchMatcher: Sendable {
    enum Role: Sendable, Equatable {
        case any, all, none
        /// An `any` phrase for documents of one language (`any_id`).
        case anyIn(Language)
        /// A weighted term.
        case weight(Double)
        /// Word `word` of near rule `rule` of the watch.
        case near(rule: Int, word: Int)
    }

    /// A phrase as written in one list; its stems are its term's (``phraseTerm``).
    struct Phrase: Sendable {
        var text: String
        var watch: Int
        var role: Role
    }

    /// What the hot path needs of one watch list, as plain values (reading a
    /// ``WatchDefinition`` out of its array retains every one of its strings and arrays).
    struct Plan: Sendable {
        var limitedToFeeds: Bool
        /// Whether the list is limited to some document languages.
        var limitedToLanguages: Bool
        var allFields: Bool
        var needsRecognition: Bool
        /// Only any/all/none phrases: judged on a fast path.
        var simple: Bool
        var hasAny: Bool
        /// Whether firing needs an any phrase (of any or the document's language) or a near rule.
        var needsPositive: Bool
    }

    /// The watch lists, in the order given.
    public let watches: [WatchDefinition]
    let phrases: [Phrase]
    /// Each phrase's role (``phrases``[p].role, as a plain array for the hot path).
    let roles: [Role]
    /// Distinct stem sequences: phrases that analyse alike (the same word in many lists)
    /// are looked for once per document. Phrase `p` is ``phraseTerm``[p].
    let termStems: [[[String]]]
    let phraseTerm: [Int]
    /// Watch lists using each distinct stem sequence (sorted, unique).
    let termWatches: [[Int32]]
    /// Term indices keyed by the key of their first stem, one table per document language.
    let byFirstTerm: [KeyIndex]
    /// Indonesian terms of two or more words whose first word is a known root, keyed by
    /// their second stem: `kirim pasukan` also matches the passive `pasukan … dikirim`.
    let bySecondTerm: KeyIndex
    /// Every key either index holds, in any slot: most words of a document miss it and need
    /// no further look (``mayFire(_:)``).
    let anyIndexedKey: KeyFilter
    /// Every term's keys back to back, per language slot; term `t` occupies
    /// `keyStart[t] ..< keyStart[t] + keyLength[t]`.
    let flatKeys: [[UInt64]]
    let keyStart: [Int32]
    let keyLength: [Int32]
    /// Phrase indices of each watch list, in order.
    let phrasesByWatch: [[Int]]
    /// Per watch list and near rule: the phrase of each word (-1: a word with no letters).
    let nearPhrases: [[[Int]]]
    /// Per watch list and near rule: an id shared by rules with the same terms and distance.
    let nearSignatures: [[Int]]
    let nearSignatureCount: Int
    /// Watch lists with no phrases, or only `none` ones (conditions decide): candidates for
    /// every document.
    let conditionOnlyWatches: [Int]
    /// Per watch list, what evaluation reads on every candidate document.
    let plans: [Plan]
    /// Per watch list, its any and any-per-language phrases.
    let positivePhrases: [[Int]]
    let morphology: Morphology
    static let languages: [Language] = [.indonesian, .english, .other]
    /// Occurrences of one phrase an alert cites at most.
    static let maxHitsPerPhrase = 10

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
        var phraseTerm: [Int] = []
        var termIDs: [[[String]]: Int] = [:]
        var termStems: [[[String]]] = []
        var termKeys: [[[UInt64]]] = []
        var termWatches: [Set<Int32>] = []
        var index = [[UInt64: [Int]]](repeating: [:], count: Self.languages.count)
        var second: [UInt64: [Int]] = [:]
        for (w, watch) in watches.enumerated() {
            var roles: [(Role, [String])] = [(.any, watch.any), (.all, watch.all), (.none, watch.none)]
            for (language, list) in watch.anyByLanguage.sorted(by: { $0.key.rawValue < $1.key.rawValue }) { roles.append((.anyIn(language), list)) }
            for (term, weight) in watch.weights.sorted(by: { $0.key < $1.key }) { roles.append((.weight(weight), [term])) }
            for (r, rule) in watch.near.enumerated() {
                for (k, word) in rule.words.enumerated() { roles.append((.near(rule: r, word: k), [word])) }
            }
            for (role, list) in roles {
                for text in list {
                    let words = Self.words(in: text)
                    guard !words.isEmpty else { continue }
                    // The phrase's stems per document language (index: ``languageSlot(_:)``).
                    let terms = Self.languages.map { language in words.map { morphology.stem($0, language: language) } }
                    let t: Int
                    if let known = termIDs[terms] {
                        t = known
                    } else {
                        t = termStems.count
                        termIDs[terms] = t
                        termStems.append(terms)
                        // 64-bit keys of the stems (the tokens' ``Token/stemKey``).
                        let keys = terms.map { $0.map(stemKey(_:)) }
                        termKeys.append(keys)
                        termWatches.append([])
                        for slot in terms.indices { index[slot][keys[slot][0], default: []].append(t) }
                        if words.count >= 2, morphology.indonesian.roots.contains(terms[0][0]) {
                            second[keys[0][1], default: []].append(t)
                        }
                    }
                    termWatches[t].insert(Int32(w))
                    phraseTerm.append(t)
                    phrases.append(Phrase(text: text, watch: w, role: role))
                }
            }
        }
        self.phrases = phrases
        self.roles = phrases.map(\.role)
        self.phraseTerm = phraseTerm
        self.termStems = termStems
        self.termWatches = termWatches.map { $0.sorted() }
        self.byFirstTerm = index.map(KeyIndex.init)
        var flat = [[UInt64]](repeating: [], count: Self.languages.count)
        var starts: [Int32] = [], lengths: [Int32] = []
        for keys in termKeys {
            starts.append(Int32(flat[0].count))
            lengths.append(Int32(keys[0].count))
            for slot in flat.indices { flat[slot] += keys[slot] }
        }
        var byWatch = [[Int]](repeating: [], count: watches.count)
        var nearPhrases = watches.map { $0.near.map { [Int](repeating: -1, count: $0.words.count) } }
        for (p, phrase) in phrases.enumerated() {
            byWatch[phrase.watch].append(p)
            if case .near(let r, let k) = phrase.role { nearPhrases[phrase.watch][r][k] = p }
        }
        self.phrasesByWatch = byWatch
        self.nearPhrases = nearPhrases
        var signatureIDs: [[Int]: Int] = [:]
        self.nearSignatures = watches.indices.map { w in
            watches[w].near.indices.map { r in
                let key = nearPhrases[w][r].map { $0 < 0 ? -1 : phraseTerm[$0] } + [watches[w].near[r].distance]
                if let id = signatureIDs[key] { return id }
                signatureIDs[key] = signatureIDs.count
                return signatureIDs.count - 1
            }
        }
        self.nearSignatureCount = signatureIDs.count
        // A list whose phrases only veto (`none`) needs none of them found: like a list with
        // no phrases, its conditions decide, so it is a candidate for every document.
        self.conditionOnlyWatches = watches.indices.filter { w in
            watches[w].canFire && byWatch[w].allSatisfy { if case .none = phrases[$0].role { true } else { false } }
        }
        self.plans = watches.indices.map { w in
            let watch = watches[w]
            return Plan(limitedToFeeds: !watch.feeds.isEmpty, limitedToLanguages: !watch.conditions.languages.isEmpty,
                 allFields: watch.fields.count == WatchDefinition.Field.allCases.count,
                 needsRecognition: watch.needsRecognition,
                 simple: watch.near.isEmpty && watch.weights.isEmpty && watch.anyByLanguage.isEmpty && !watch.sameSentence,
                 hasAny: !watch.any.isEmpty,
                 needsPositive: !watch.any.isEmpty || !watch.near.isEmpty || watch.anyByLanguage.values.contains { !$0.isEmpty })
        }
        self.positivePhrases = byWatch.map { mine in
            mine.filter { p in
                switch phrases[p].role {
                case .any, .anyIn: true
                default: false
                }
            }
        }
        self.flatKeys = flat
        self.keyStart = starts
        self.keyLength = lengths
        self.bySecondTerm = KeyIndex(second)
        self.anyIndexedKey = KeyFilter(index.flatMap(\.keys) + second.keys)
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

    /// Where a document is being matched: its feed and how its text was put together.
    public struct Context: Sendable {
        /// The feed's name, for watch lists limited to named feeds.
        public var feed: String?
        /// Watch lists the feed is limited to (nil: all).
        public var allowedWatches: Set<String>?
        /// How many leading sentences are the item's title (0: no title).
        public var titleSentences: Int

        /// Creates a context.
        public init(feed: String? = nil, allowedWatches: Set<String>? = nil, titleSentences: Int = 0) {
            self.feed = feed
            self.allowedWatches = allowedWatches
            self.titleSentences = titleSentences
        }
    }

    /// The watch lists that fire on `extraction`, in watch-list order. `recognized` supplies
    /// the extraction with entities and event frames, called at most once and only when a
    /// candidate list has conditions or boosts (nil: `extraction` already has them).
    public func match(_ extraction: Extraction, context: Context = Context(), recognized: (() -> Extraction)? = nil) -> [WatchMatch] {
        var explanation: [WatchExplanation] = []
        return evaluate(extraction, context: context, recognized: recognized, explain: false, into: &explanation)
    }

    /// Every watch list's verdict on `extraction`, with the reason it did not fire
    /// (`pantau test-watch`).
    public func explain(_ extraction: Extraction, context: Context = Context()) -> [WatchExplanation] {
        var explanation: [WatchExplanation] = []
        _ = evaluate(extraction, context: context, recognized: nil, explain: true, into: &explanation)
        return explanation
    }

    /// Token ranges of every term occurrence, by term index (see ``phraseTerm``).
    func occurrences(in extraction: Extraction) -> TermOccurrences {
        let tokens = extraction.tokens
        let slot = Self.languageSlot(extraction.language)
        let index = byFirstTerm[slot]
        // Occurrences per term index (token ranges).
        var occurrences = TermOccurrences(termCount: termStems.count)
        // Flat arrays in the hot loop: no token or phrase struct (and their strings and
        // arrays) is touched until all keys agree.
        let slotKeys = flatKeys[slot]
        // By index: mapping the tokens themselves copied each (and retained its strings).
        let tokenKeys = tokens.indices.map { tokens[$0].stemKey }
        let tokenSentences = tokens.indices.map { tokens[$0].sentence }
        for i in tokens.indices {
            // Most words start no phrase and are no passive phrase's second word.
            guard anyIndexedKey.mayContain(tokenKeys[i]) else { continue }
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
                if ok, (0..<length).allSatisfy({ tokens[i + $0].stem == termStems[p][slot][$0] }) {
                    occurrences.append(i..<end, to: p)
                }
            }
            if slot == 0 {
                for position in bySecondTerm.lookup(tokenKeys[i]) {
                    let p = bySecondTerm.posting(position)
                    if let span = passiveMatch(termStems[p][0], at: i, tokens) { occurrences.append(span, to: p) }
                }
            }
        }
        return occurrences
    }

    func evaluate(_ extraction: Extraction, context: Context, recognized: (() -> Extraction)?, explain: Bool,
                  into explanation: inout [WatchExplanation]) -> [WatchMatch] {
        let occurrences = occurrences(in: extraction)
        let tokens = extraction.tokens
        // Only lists with a phrase found, or with no phrases at all (conditions only), can fire.
        var isCandidate = [Bool](repeating: explain, count: watches.count)
        for t in occurrences.terms { for w in termWatches[t] { isCandidate[Int(w)] = true } }
        for w in conditionOnlyWatches { isCandidate[w] = true }
        var full: Extraction? = recognized == nil ? extraction : nil
        func recognizedExtraction() -> Extraction {
            if let full { return full }
            let value = recognized!()
            full = value
            return value
        }
        var nearCache: [NearWindow??] = []  // sized at first use

        var results: [WatchMatch] = []
        for w in isCandidate.indices where isCandidate[w] {
            let plan = plans[w]
            func reject(_ why: @autoclosure () -> String) { if explain { explanation.append(WatchExplanation(watch: watches[w].name, fired: false, reason: why())) } }
            if plan.limitedToFeeds, let feed = context.feed, !watches[w].feeds.contains(feed) { reject("limited to feeds \(watches[w].feeds.joined(separator: ", "))"); continue }
            if let allowed = context.allowedWatches, !allowed.contains(watches[w].name) { reject("the feed is limited to other watch lists"); continue }
            if plan.limitedToLanguages, !watches[w].conditions.languages.contains(extraction.language) {
                reject("language is \(extraction.language.rawValue), not \(watches[w].conditions.languages.map(\.rawValue).joined(separator: "/"))"); continue
            }
            // Near rules over whole documents depend only on their words' terms: lists sharing
            // a rule share its window.
            // A list that needs a positive phrase and has none, nor a near rule satisfied, is
            // settled before anything is built for it (the common case for a list with a
            // near rule on common words).
            if !explain, plan.needsPositive, !plan.simple, plan.allFields,
               !positivePhrases[w].contains(where: { occurrences[phraseTerm[$0]] != nil }),
               !nearPhrases[w].indices.contains(where: { cachedNear(watch: w, rule: $0, occurrences, tokens, &nearCache) != nil }) {
                continue
            }
            // Occurrences in the allowed fields, by phrase.
            var found: [Int: [Range<Int>]] = [:]
            for p in phrasesByWatch[w] {
                guard let spans = occurrences[phraseTerm[p]] else { continue }
                if plan.allFields {
                    found[p] = spans
                    continue
                }
                let fields = watches[w].fields
                let kept = spans.filter { span in
                    let title = tokens[span.lowerBound].sentence < context.titleSentences
                    return fields.contains(title ? .title : .body)
                }
                if !kept.isEmpty { found[p] = kept }
            }
            guard let verdict = lexicalVerdict(watch: w, found: found, tokens: tokens, language: extraction.language,
                                               occurrences: plan.allFields ? occurrences : nil, nearCache: &nearCache) else {
                reject(lexicalMiss(watch: w, found: found)); continue
            }
            let watch = watches[w]
            // Conditions and boosts on the extractor's findings.
            var frame: EventFrame?
            var severity = watch.severity
            var reasons = ["base severity \(watch.severity.rawValue)"]
            if plan.needsRecognition {
                let full = recognizedExtraction()
                switch conditionsVerdict(watch.conditions, full) {
                case .failure(let why): reject(why); continue
                case .success(let f): frame = f
                }
                if let minimum = watch.boosts.countAtLeast, let count = frame?.count ?? bestCount(full), count >= minimum {
                    severity = severity.raised
                    reasons.append("count \(count.plainText) ≥ \(minimum.plainText): +1 → \(severity.rawValue)")
                }
                if let minimum = watch.boosts.sourcesAtLeast {
                    let sources = Self.sources(full)
                    if sources.count >= minimum {
                        severity = severity.raised
                        reasons.append("\(sources.count) sources (\(sources.sorted().joined(separator: ", "))) ≥ \(minimum): +1 → \(severity.rawValue)")
                    }
                }
            }
            var hits: [WatchMatch.Hit] = []
            for (p, spans) in verdict.used.sorted(by: { $0.key < $1.key }) {
                // The first occurrences of each phrase are evidence enough.
                for span in spans.prefix(Self.maxHitsPerPhrase) {
                    let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
                    hits.append(.init(term: phraseLabel(p), text: extraction.surface(range), sentence: tokens[span.lowerBound].sentence, range: range))
                }
            }
            hits.sort { $0.range.lowerBound < $1.range.lowerBound }
            let evidence = hits.isEmpty ? (frame?.sentence ?? 0) : Self.evidenceSentence(for: hits)
            guard evidence < extraction.sentences.count else { reject("no sentence to cite"); continue }
            if let weight = verdict.weight { reasons.append("weighted terms \(weight.plainText) ≥ \((watch.threshold ?? 0).plainText)") }
            results.append(WatchMatch(
                watch: watch.name, severity: severity, hits: hits,
                evidence: extraction.sentences[evidence].text, evidenceSentence: evidence, reasons: reasons, frame: frame
            ))
            if explain { explanation.append(WatchExplanation(watch: watch.name, fired: true, reason: reasons.joined(separator: "; "))) }
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

    /// The sentence holding the most distinct phrases; the earliest on ties. `hits` are in
    /// text order.
    static func evidenceSentence(for hits: [WatchMatch.Hit]) -> Int {
        var best = hits[0].sentence, bestCount = 0
        var start = 0
        while start < hits.count {
            let sentence = hits[start].sentence
            var end = start
            while end < hits.count, hits[end].sentence == sentence { end += 1 }
            // Distinct terms among hits[start..<end] (a handful: a quadratic check is cheapest).
            var count = 0
            for i in start..<end where !hits[start..<i].contains(where: { $0.term == hits[i].term }) { count += 1 }
            if count > bestCount || (count == bestCount && sentence < best) {
                best = sentence
                bestCount = count
            }
            start = end
        }
        return best
    }

    /// The window of near rule `r` of watch `w` over the whole document, shared by every list
    /// with the same rule (`cache` is indexed by ``nearSignatures``).
    func cachedNear(watch w: Int, rule r: Int, _ occurrences: TermOccurrences, _ tokens: [Token], _ cache: inout [NearWindow??]) -> NearWindow? {
        let signature = nearSignatures[w][r]
        if cache.isEmpty { cache = Array(repeating: nil, count: nearSignatureCount) }
        if let known = cache[signature] { return known }
        let phrases = nearPhrases[w][r]
        let window = nearWindow(watch: w, rule: r, tokens: tokens, sentence: nil) { k in
            phrases[k] < 0 ? nil : occurrences[phraseTerm[phrases[k]]] ?? []
        }
        cache[signature] = .some(window)
        return window
    }
}
