/// Finds entities: gazetteer names (longest alias first), people introduced by a role or title
/// (`Presiden Ukraina Volodymyr Zelensky`, `Juru bicara NATO, Farah Dakhlallah`, `NATO
/// spokesperson Farah Dakhlallah`), and later mentions of a person by one part of the name.
struct EntityRecognizer: Sendable {
    let gazetteer: Gazetteer
    let roles: CueTable

    /// Entities in first-mention order, plus the token spans that mention them.
    struct Result {
        var entities: [Entity] = []
        /// (token range, entity index), in document order, non-overlapping.
        var spans: [(tokens: Range<Int>, entity: Int)] = []
        /// Per token: index into ``spans`` of the span starting there, or -1.
        var starts: [Int32] = []
        /// Per token boundary (0…count): index into ``spans`` of the span ending there, or -1.
        var ends: [Int32] = []

        /// The span that starts at token `i`.
        func span(at i: Int) -> (tokens: Range<Int>, entity: Int)? {
            guard i >= 0, i < starts.count, starts[i] >= 0 else { return nil }
            return spans[Int(starts[i])]
        }

        /// Index into ``spans`` of the span ending (exclusive) at token boundary `i`.
        func spanIndex(endingAt i: Int) -> Int? {
            guard i >= 0, i < ends.count, ends[i] >= 0 else { return nil }
            return Int(ends[i])
        }
    }

    func recognize(_ doc: Document) -> Result {
        let tokens = doc.tokens
        var found: [(tokens: Range<Int>, name: String, type: Entity.Kind, role: String?, of: String?)] = []
        var taken = [Bool](repeating: false, count: tokens.count)

        // 1. Gazetteer names.
        var i = 0
        while i < tokens.count {
            if let (length, entry) = gazetteerMatch(at: i, doc) {
                let e = gazetteer.entries[entry]
                found.append((i..<(i + length), e.name, e.type, e.role, e.of))
                for k in i..<(i + length) { taken[k] = true }
                i += length
            } else {
                i += 1
            }
        }
        // Gazetteer matches are found left to right, so `found` is in token order here.
        var foundStart: [Int: Int] = [:], foundEnd: [Int: Int] = [:]
        for (k, f) in found.enumerated() { foundStart[f.tokens.lowerBound] = k; foundEnd[f.tokens.upperBound] = k }
        func foundIndex(startingAt t: Int) -> Int? { foundStart[t] }
        func foundIndex(endingAt t: Int) -> Int? { foundEnd[t] }

        // 2. People after a role cue.
        var people: [(tokens: Range<Int>, name: String, role: String, of: String?)] = []
        i = 0
        while i < tokens.count {
            guard !taken[i], let (length, role) = roles.match(at: i, in: doc) else { i += 1; continue }
            var j = i + length
            var affiliation: String?
            if let f = foundIndex(endingAt: i), found[f].type != .person { affiliation = found[f].name } // "NATO spokesperson …"
            if j < tokens.count, let f = foundIndex(startingAt: j), found[f].type != .person, found[f].type != .media {
                affiliation = found[f].name                                                          // "Presiden Ukraina …"
                j = found[f].tokens.upperBound
            }
            guard j < tokens.count, tokens[j].sentence == tokens[i].sentence else { i += 1; continue }
            if let f = foundIndex(startingAt: j), found[f].type == .person {
                if found[f].role == nil { found[f].role = role }
                if found[f].of == nil { found[f].of = affiliation }
                i = found[f].tokens.upperBound
                continue
            }
            var end = j
            while end < tokens.count, end - j < 4, !taken[end], doc.isCapitalized(end), !doc.isDigits(end),
                  end == j || doc.isTight(after: end - 1), roles.match(at: end, in: doc) == nil {
                end += 1
            }
            if end - j >= 2 {
                people.append((j..<end, doc.surface(tokens: j, end - 1), role, affiliation))
                for k in j..<end { taken[k] = true }
                i = end
            } else {
                i += 1
            }
        }
        for p in people { found.append((p.tokens, p.name, .person, p.role, p.of)) }

        // 3. Later (or earlier) mentions by one part of a person's name.
        var parts: [String: (name: String, role: String?, of: String?)] = [:]
        for f in found where f.type == .person {
            for k in f.tokens where tokens[k].folded.count >= 3 { parts[tokens[k].folded] = (f.name, f.role, f.of) }
        }
        if !parts.isEmpty {
            for k in tokens.indices where !taken[k] && doc.isCapitalized(k) {
                guard let person = parts[tokens[k].folded] else { continue }
                if k + 1 < tokens.count, doc.isTight(after: k), doc.isCapitalized(k + 1), !taken[k + 1] { continue } // another full name
                found.append((k..<(k + 1), person.name, .person, person.role, person.of))
                taken[k] = true
            }
        }
        found.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }

        // 4. Merge mentions by canonical name.
        var result = Result()
        result.starts = [Int32](repeating: -1, count: tokens.count)
        result.ends = [Int32](repeating: -1, count: tokens.count + 1)
        var indexByName: [String: Int] = [:]
        for f in found {
            let mention = Entity.Mention(text: doc.surface(tokens: f.tokens.lowerBound, f.tokens.upperBound - 1),
                                         span: tokens[f.tokens.lowerBound].range.lowerBound..<tokens[f.tokens.upperBound - 1].range.upperBound)
            let index: Int
            if let existing = indexByName[f.name] {
                index = existing
                result.entities[index].mentions.append(mention)
                if result.entities[index].role == nil { result.entities[index].role = f.role }
                if result.entities[index].affiliation == nil { result.entities[index].affiliation = f.of }
            } else {
                index = result.entities.count
                indexByName[f.name] = index
                result.entities.append(Entity(name: f.name, type: f.type, mentions: [mention], role: f.role, affiliation: f.of))
            }
            result.starts[f.tokens.lowerBound] = Int32(result.spans.count)
            result.ends[f.tokens.upperBound] = Int32(result.spans.count)
            result.spans.append((f.tokens, index))
        }
        return result
    }

    /// The longest gazetteer alias starting at token `i`: its length and entry index.
    func gazetteerMatch(at i: Int, _ doc: Document) -> (Int, Int)? {
        let tokens = doc.tokens
        // Every alias starts with a capital (or a digit): lowercase words need no lookup.
        guard tokens[i].classes.contains(.gazetteerFirst), doc.isCapitalized(i), let candidates = gazetteer.aliases[tokens[i].folded] else { return nil }
        for alias in candidates {
            let n = alias.words.count
            guard i + n <= tokens.count else { continue }
            if let language = alias.language, language != doc.language, doc.language != .other { continue }
            var ok = true
            for k in 0..<n {
                if k > 0 && (tokens[i + k].folded != alias.words[k] || !doc.isTight(after: i + k - 1)) { ok = false; break }
                if alias.caseSensitive && !doc.isAllCaps(i + k) { ok = false; break }
            }
            guard ok else { continue }
            if !alias.caseSensitive && !doc.isCapitalized(i) { continue }
            return (n, alias.entry)
        }
        return nil
    }
}
