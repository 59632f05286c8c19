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
        var terms: [String]
        var watch: Int
        var role: Role
    }

    /// The watch lists, in the order given.
    public let watches: [WatchDefinition]
    let phrases: [Phrase]
    let byFirstTerm: [String: [Int]]
    /// Phrase indices of each watch list, in order.
    let phrasesByWatch: [[Int]]
    let analyzer: any TermAnalyzer
    /// The analyzer maps a word to itself: matching can use the folded words as they are.
    let identityAnalyzer: Bool

    /// Compiles `watches`. Phrases with no words are ignored (configuration validation
    /// reports them; see ``words(in:)``).
    public init(watches: [WatchDefinition], analyzer: any TermAnalyzer = FoldingAnalyzer()) {
        self.watches = watches
        self.analyzer = analyzer
        var phrases: [Phrase] = []
        var index: [String: [Int]] = [:]
        for (w, watch) in watches.enumerated() {
            let roles: [(Role, [String])] = [(.any, watch.any), (.all, watch.all), (.none, watch.none)]
            for (role, list) in roles {
                for text in list {
                    let terms = Self.words(in: text).map { analyzer.term(for: $0, language: nil) }
                    guard let first = terms.first else { continue }
                    index[first, default: []].append(phrases.count)
                    phrases.append(Phrase(text: text, terms: terms, watch: w, role: role))
                }
            }
        }
        self.phrases = phrases
        self.byFirstTerm = index
        var byWatch = [[Int]](repeating: [], count: watches.count)
        for (p, phrase) in phrases.enumerated() { byWatch[phrase.watch].append(p) }
        self.phrasesByWatch = byWatch
        self.identityAnalyzer = analyzer is FoldingAnalyzer
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
        let language: Language? = extraction.language == .other ? nil : extraction.language
        let terms = identityAnalyzer ? tokens.map(\.folded) : tokens.map { analyzer.term(for: $0.folded, language: language) }

        // Occurrences per phrase index.
        var occurrences: [Int: [Range<Int>]] = [:]
        for i in terms.indices {
            guard let candidates = byFirstTerm[terms[i]] else { continue }
            for p in candidates {
                let phrase = phrases[p]
                let end = i + phrase.terms.count
                guard end <= terms.count, tokens[end - 1].sentence == tokens[i].sentence else { continue }
                var ok = true
                for k in 1..<phrase.terms.count where terms[i + k] != phrase.terms[k] {
                    ok = false
                    break
                }
                if ok { occurrences[p, default: []].append(i..<end) }
            }
        }
        if occurrences.isEmpty { return [] }

        var results: [WatchMatch] = []
        for (w, watch) in watches.enumerated() {
            var anyHit = false, allHit = true, vetoed = false, hasPositive = false
            var hits: [WatchMatch.Hit] = []
            for p in phrasesByWatch[w] {
                let phrase = phrases[p]
                let found = occurrences[p] ?? []
                switch phrase.role {
                case .any:
                    hasPositive = true
                    if !found.isEmpty { anyHit = true }
                case .all:
                    hasPositive = true
                    if found.isEmpty { allHit = false }
                case .none:
                    if !found.isEmpty { vetoed = true }
                }
                guard phrase.role != .none else { continue }
                for span in found {
                    let range = tokens[span.lowerBound].range.lowerBound..<tokens[span.upperBound - 1].range.upperBound
                    hits.append(.init(term: phrase.text, text: extraction.surface(range), sentence: tokens[span.lowerBound].sentence, range: range))
                }
            }
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
