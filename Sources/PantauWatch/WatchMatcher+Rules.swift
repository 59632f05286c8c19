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

    /// What the phrases of watch `w` say about a document, given the occurrences `found` in
    /// the allowed fields; nil when they do not let it fire.
    func lexicalVerdict(watch w: Int, found: [Int: [Range<Int>]], tokens: [Token], language: Language) -> LexicalVerdict? {
        let watch = watches[w]
        let mine = phrasesByWatch[w]
        if mine.isEmpty { return LexicalVerdict(used: [:], weight: nil) }
        // Plain lists (any/all/none only, the common case): decided from `found` directly.
        if simpleWatches[w] {
            var positive = watch.any.isEmpty
            for (p, _) in found {
                switch phrases[p].role {
                case .none: return nil
                case .any: positive = true
                default: break
                }
            }
            guard positive else { return nil }
            for p in mine where phrases[p].role == .all && found[p] == nil { return nil }
            return LexicalVerdict(used: found.filter { phrases[$0.key].role != .none }, weight: nil)
        }
        // No veto.
        if mine.contains(where: { phrases[$0].role == .none && found[$0] != nil }) { return nil }
        let needsPositive = !watch.any.isEmpty || !watch.near.isEmpty || watch.anyByLanguage.values.contains { !$0.isEmpty }
        let allPhrases = mine.filter { phrases[$0].role == .all }
        let weighted = mine.filter { if case .weight = phrases[$0].role { return true } else { return false } }

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
                switch phrases[p].role {
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
                if let window = nearWindow(watch: w, rule: r, found: found, tokens: tokens, sentence: sentence) {
                    positive = true
                    for (p, span) in window { used[p, default: []].append(span) }
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
                    guard !s.isEmpty, case .weight(let value) = phrases[p].role else { continue }
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

    /// The closest window (at most the rule's distance) holding every word of near rule `r`:
    /// (phrase, token range) per word.
    func nearWindow(watch w: Int, rule r: Int, found: [Int: [Range<Int>]], tokens: [Token], sentence: Int?) -> [(Int, Range<Int>)]? {
        let rule = watches[w].near[r]
        var positions: [(token: Int, word: Int, phrase: Int)] = []
        for p in phrasesByWatch[w] {
            guard case .near(let rr, let k) = phrases[p].role, rr == r else { continue }
            for span in found[p] ?? [] where sentence == nil || tokens[span.lowerBound].sentence == sentence {
                positions.append((span.lowerBound, k, p))
            }
        }
        guard Set(positions.map(\.word)).count == rule.words.count else { return nil }
        positions.sort { $0.token < $1.token }
        // Smallest window covering every word, within one sentence.
        var best: [(Int, Range<Int>)]?
        var bestSpan = Int.max
        for (i, start) in positions.enumerated() {
            var seen: [Int: (Int, Int)] = [start.word: (start.phrase, start.token)]
            for next in positions[(i + 1)...] {
                guard tokens[next.token].sentence == tokens[start.token].sentence, next.token - start.token <= rule.distance else { break }
                if seen[next.word] == nil { seen[next.word] = (next.phrase, next.token) }
                if seen.count == rule.words.count {
                    if next.token - start.token < bestSpan {
                        bestSpan = next.token - start.token
                        best = seen.values.map { ($0.0, $0.1..<($0.1 + 1)) }
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
        if let veto = mine.first(where: { phrases[$0].role == .none && found[$0] != nil }) { return "vetoed by none phrase \"\(phrases[veto].text)\"" }
        if let missing = mine.first(where: { phrases[$0].role == .all && found[$0] == nil }) { return "all phrase \"\(phrases[missing].text)\" not found" }
        if watch.threshold != nil {
            let total = mine.reduce(0.0) { sum, p in
                if case .weight(let v) = phrases[p].role, found[p] != nil { return sum + v }
                return sum
            }
            if total < watch.threshold! { return "weighted terms reach \(Self.number(total)) < threshold \(Self.number(watch.threshold!))" }
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
            if frames.isEmpty { return .failure("no frame counts at least \(Self.number(minimum)) (counts: \(Self.list(before.map { $0.count.map(Self.number) })))") }
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

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    static func list(_ values: [String?]) -> String {
        let present = values.compactMap { $0 }
        return present.isEmpty ? "none" : Array(Set(present)).sorted().joined(separator: ", ")
    }
}
