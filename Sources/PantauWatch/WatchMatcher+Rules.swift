import PantauExtractor

/// A watch list's verdict on one document, for `pantau test-watch`.
public struct WatchExplanation: Sendable, Hashable {
    /// The watch list.
    public var watch: String
    /// Whether it fired.
    public var fired: Bool
    /// Why it fired (its severity reasons) or what was missing.
    public var reason: String
}

extension WatchMatcher {
    /// The phrases that made a list fire lexically, and the weight reached (when weighted).
    struct LexicalVerdict {
        var used: [Int: [Range<Int>]]
        var weight: Double?
    }

    /// The words of a near rule in the closest window that holds them all: (word, token).
    typealias NearWindow = [(word: Int, token: Int)]

    /// What the phrases of watch `w` say about a document, given the occurrences `found` in
    /// the allowed fields; nil when they do not let it fire. With the document's
    /// `occurrences` (lists reading every field), whole-document near rules come from
    /// `nearCache`, shared between lists with the same rule.
    func lexicalVerdict(watch w: Int, found: [Int: [Range<Int>]], tokens: [Token], language: Language,
                        occurrences: TermOccurrences?, nearCache: inout [NearWindow??]) -> LexicalVerdict? {
        let mine = phrasesByWatch[w]
        if mine.isEmpty { return LexicalVerdict(used: [:], weight: nil) }
        // Plain lists (any/all/none only, the common case): decided from `found` directly.
        if plans[w].simple {
            // Without a veto, everything found is any or all phrases: all of it is cited.
            var positive = !plans[w].hasAny
            for p in found.keys {
                switch roles[p] {
                case .none: return nil
                case .any: positive = true
                default: break
                }
            }
            guard positive else { return nil }
            for p in mine where roles[p] == .all && found[p] == nil { return nil }
            return LexicalVerdict(used: found, weight: nil)
        }
        let watch = watches[w]
        // No veto.
        if mine.contains(where: { roles[$0] == .none && found[$0] != nil }) { return nil }
        let needsPositive = !watch.any.isEmpty || !watch.near.isEmpty || watch.anyByLanguage.values.contains { !$0.isEmpty }
        let allPhrases = mine.filter { roles[$0] == .all }
        let weighted = mine.filter { if case .weight = roles[$0] { return true } else { return false } }

        /// The verdict within a set of sentences (nil: anywhere).
        func verdict(in sentence: Int?) -> LexicalVerdict? {
            func spans(_ p: Int) -> [Range<Int>] {
                let all = found[p] ?? []
                guard let sentence else { return all }
                return all.filter { tokens[$0.lowerBound].sentence == sentence }
            }
            var used: [Int: [Range<Int>]] = [:]
            var positive = false
            for p in mine {
                switch roles[p] {
                case .any:
                    let s = spans(p)
                    if !s.isEmpty { positive = true; used[p] = s }
                case .anyIn(let l) where l == language:
                    let s = spans(p)
                    if !s.isEmpty { positive = true; used[p] = s }
                default:
                    break
                }
            }
            for r in watch.near.indices {
                let window = if sentence == nil, let occurrences { cachedNear(watch: w, rule: r, occurrences, tokens, &nearCache) } else {
                    nearWindow(watch: w, rule: r, tokens: tokens, sentence: sentence) { k in
                        let p = nearPhrases[w][r][k]
                        return p < 0 ? nil : found[p] ?? []
                    }
                }
                if let window {
                    positive = true
                    for (k, token) in window { used[nearPhrases[w][r][k], default: []].append(token..<(token + 1)) }
                }
            }
            if needsPositive && !positive { return nil }
            for p in allPhrases {
                let s = spans(p)
                if s.isEmpty { return nil }
                used[p] = s
            }
            var weight: Double?
            if let threshold = watch.threshold {
                var total = 0.0
                for p in weighted {
                    let s = spans(p)
                    guard !s.isEmpty, case .weight(let value) = roles[p] else { continue }
                    total += value
                    used[p] = s
                }
                if total < threshold { return nil }
                weight = total
            }
            if used.isEmpty && (needsPositive || !allPhrases.isEmpty || watch.threshold != nil) { return nil }
            return LexicalVerdict(used: used, weight: weight)
        }

        if !watch.sameSentence { return verdict(in: nil) }
        let sentences = Set(found.values.flatMap { $0.map { tokens[$0.lowerBound].sentence } }).sorted()
        for sentence in sentences { if let v = verdict(in: sentence) { return v } }
        return nil
    }

    /// The closest window (at most the rule's distance) holding every word of near rule `r`,
    /// within one sentence (and within `sentence` when given).
    /// `spans(k)` gives the occurrences of word `k` (nil: the word has no letters).
    func nearWindow(watch w: Int, rule r: Int, tokens: [Token], sentence: Int?, spans: (Int) -> [Range<Int>]?) -> NearWindow? {
        let distance = watches[w].near[r].distance
        let count = nearPhrases[w][r].count
        var positions: [(token: Int, word: Int)] = []
        var present = 0
        for k in 0..<count {
            guard let found = spans(k) else { continue }
            for span in found where sentence == nil || tokens[span.lowerBound].sentence == sentence {
                positions.append((span.lowerBound, k))
                present |= 1 << min(k, 62)
            }
        }
        guard count <= 62, present == (1 << count) - 1 else { return nil }
        positions.sort { $0.token < $1.token }
        // Smallest window covering every word, within one sentence.
        var best: NearWindow?
        var bestSpan = Int.max
        var seen = [Int](repeating: -1, count: count)
        for (i, start) in positions.enumerated() {
            for k in seen.indices { seen[k] = -1 }
            seen[start.word] = start.token
            var have = 1
            for next in positions[(i + 1)...] {
                guard tokens[next.token].sentence == tokens[start.token].sentence, next.token - start.token <= distance else { break }
                if seen[next.word] < 0 { seen[next.word] = next.token; have += 1 }
                if have == count {
                    if next.token - start.token < bestSpan {
                        bestSpan = next.token - start.token
                        best = seen.enumerated().map { (word: $0.offset, token: $0.element) }
                    }
                    break
                }
            }
        }
        return best
    }

    /// What kept watch `w` from firing lexically, in words.
    func lexicalMiss(watch w: Int, found: [Int: [Range<Int>]]) -> String {
        let watch = watches[w]
        let mine = phrasesByWatch[w]
        if let veto = mine.first(where: { roles[$0] == .none && found[$0] != nil }) { return "vetoed by none phrase \"\(phrases[veto].text)\"" }
        if let missing = mine.first(where: { roles[$0] == .all && found[$0] == nil }) { return "all phrase \"\(phrases[missing].text)\" not found" }
        if watch.threshold != nil {
            let total = mine.reduce(0.0) { sum, p in
                if case .weight(let v) = roles[p], found[p] != nil { return sum + v }
                return sum
            }
            if total < watch.threshold! { return "weighted terms reach \(total.plainText) < threshold \(watch.threshold!.plainText)" }
        }
        if found.isEmpty { return "no phrase found" }
        if watch.sameSentence { return "the phrases found are not in one sentence" }
        if !watch.near.isEmpty, watch.any.isEmpty { return "no near rule satisfied (\(watch.near.map(\.text).joined(separator: ", ")))" }
        return "no any phrase found (for a \(watch.anyByLanguage.isEmpty ? "" : "document in this ")language)"
    }

    /// How a phrase appears in hits.
    func phraseLabel(_ p: Int) -> String {
        let phrase = phrases[p]
        switch phrase.role {
        case .near(let r, _): return watches[phrase.watch].near[r].text
        default: return phrase.text
        }
    }

    enum ConditionVerdict {
        case success(EventFrame?)
        case failure(String)
    }

    /// Whether `conditions` hold on the recognized extraction, with the deciding frame.
    func conditionsVerdict(_ conditions: WatchConditions, _ x: Extraction) -> ConditionVerdict {
        if !conditions.entities.isEmpty, !x.entities.contains(where: { conditions.entities.contains($0.name) }) {
            return .failure("none of \(conditions.entities.joined(separator: ", ")) is mentioned")
        }
        guard conditions.needsFrame else { return .success(nil) }
        var frames = x.events
        if let event = conditions.event {
            frames = frames.filter { $0.type == event }
            if frames.isEmpty { return .failure("no \(event.rawValue) frame") }
        }
        if !conditions.actors.isEmpty {
            let before = frames
            frames = frames.filter { $0.actor.map(conditions.actors.contains) ?? false }
            if frames.isEmpty { return .failure("no frame with actor \(conditions.actors.joined(separator: "/")) (actors: \(Self.list(before.map(\.actor))))") }
        }
        if !conditions.destinations.isEmpty {
            let before = frames
            frames = frames.filter { $0.destination.map(conditions.destinations.contains) ?? false }
            if frames.isEmpty { return .failure("no frame with destination \(conditions.destinations.joined(separator: "/")) (destinations: \(Self.list(before.map(\.destination))))") }
        }
        if let minimum = conditions.minCount {
            let before = frames
            frames = frames.filter { ($0.count ?? 0) >= minimum }
            if frames.isEmpty { return .failure("no frame counts at least \(minimum.plainText) (counts: \(Self.list(before.map { $0.count.map(\.plainText) })))") }
        }
        if let hedged = conditions.hedged {
            frames = frames.filter { $0.hedged == hedged }
            if frames.isEmpty { return .failure(hedged ? "no hedged frame" : "every matching frame is hedged") }
        }
        return .success(frames.first)
    }

    /// The largest count among the document's frames.
    func bestCount(_ x: Extraction) -> Double? { x.events.compactMap(\.count).max() }

    /// Distinct sources backing a document: media it is attributed to, and frames' claimants.
    static func sources(_ x: Extraction) -> Set<String> {
        Set(x.attributions.map(\.name) + x.events.compactMap(\.claimedBy))
    }

    static func list(_ values: [String?]) -> String {
        let present = values.compactMap { $0 }
        return present.isEmpty ? "none" : Array(Set(present)).sorted().joined(separator: ", ")
    }
}
