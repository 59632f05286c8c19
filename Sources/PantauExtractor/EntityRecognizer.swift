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

    /// A mention found: a gazetteer entry, or a person found by a role cue.
    struct Found {
        var tokens: Range<Int>
        /// Gazetteer entry index, or -1.
        var entry: Int32
        /// Index into the cue-found people, or -1.
        var person: Int32
    }

    /// A person found by a role cue (or a gazetteer person given a role by one).
    struct Person {
        var name: String
        var role: String?
        var of: String?
    }

    func recognize(_ doc: Document) -> Result {
        let tokens = doc.tokens
        var found: [Found] = []
        var taken = [Bool](repeating: false, count: tokens.count)

        // 1. Gazetteer names, left to right.
        var i = 0
        while i < tokens.count {
            // Most words start no alias: passed over without a call.
            if tokens[i].aliasList >= 0, let (length, entry) = gazetteerMatch(at: i, doc) {
                found.append(Found(tokens: i..<(i + length), entry: Int32(entry), person: -1))
                for k in i..<(i + length) { taken[k] = true }
                i += length
            } else {
                i += 1
            }
        }

        // 2. People after a role cue.
        var people: [Person] = []
        /// Roles and affiliations given by a cue to gazetteer people, by gazetteer entry.
        var cueRoles: [Int32: Person] = [:]
        if doc.mayHold(roles) {
            var startAt = [Int32](repeating: -1, count: tokens.count + 1), endAt = startAt
            for (k, f) in found.enumerated() { startAt[f.tokens.lowerBound] = Int32(k); endAt[f.tokens.upperBound] = Int32(k) }
            func foundStart(_ t: Int) -> Int? { startAt[t] >= 0 ? Int(startAt[t]) : nil }
            func foundEnd(_ t: Int) -> Int? { endAt[t] >= 0 ? Int(endAt[t]) : nil }
            func entry(_ f: Int) -> Gazetteer.Entry { gazetteer.entries[Int(found[f].entry)] }
            var cuePeople: [Found] = []
            i = 0
            while i < tokens.count {
                guard !taken[i], let (length, role) = roles.match(at: i, in: doc) else { i += 1; continue }
                var j = i + length
                var affiliation: String?
                if let f = foundEnd(i), entry(f).type != .person { affiliation = entry(f).name }       // "NATO spokesperson …"
                if j < tokens.count, let f = foundStart(j), entry(f).type != .person, entry(f).type != .media {
                    affiliation = entry(f).name                                                         // "Presiden Ukraina …"
                    j = found[f].tokens.upperBound
                }
                guard j < tokens.count, tokens[j].sentence == tokens[i].sentence else { i += 1; continue }
                if let f = foundStart(j), entry(f).type == .person {
                    if cueRoles[found[f].entry] == nil { cueRoles[found[f].entry] = Person(name: entry(f).name, role: role, of: affiliation) }
                    i = found[f].tokens.upperBound
                    continue
                }
                var end = j
                while end < tokens.count, end - j < 4, !taken[end], doc.isCapitalized(end), !doc.isDigits(end),
                      end == j || doc.isTight(after: end - 1), roles.match(at: end, in: doc) == nil {
                    end += 1
                }
                if end - j >= 2 {
                    cuePeople.append(Found(tokens: j..<end, entry: -1, person: Int32(people.count)))
                    people.append(Person(name: doc.surface(tokens: j, end - 1), role: role, of: affiliation))
                    for k in j..<end { taken[k] = true }
                    i = end
                } else {
                    i += 1
                }
            }
            found += cuePeople
        }

        // 3. Later (or earlier) mentions by one part of a person's name: name part → index
        // into `found` of the person it names first.
        var parts = GrowingIndex<String>()
        var anyPart = false
        for (n, f) in found.enumerated() where f.person >= 0 || gazetteer.entries[Int(f.entry)].type == .person {
            for k in f.tokens where tokens[k].folded.utf8.count >= 3 {
                anyPart = parts.insert(tokens[k].folded, n) || anyPart
            }
        }
        if anyPart {
            for k in tokens.indices where !taken[k] && doc.isCapitalized(k) {
                // `found` only grows here: the index still names the same person.
                guard let n = parts.value(for: tokens[k].folded) else { continue }
                let person = found[n]
                if k + 1 < tokens.count, doc.isTight(after: k), doc.isCapitalized(k + 1), !taken[k + 1] { continue } // another full name
                found.append(Found(tokens: k..<(k + 1), entry: person.entry, person: person.person))
                taken[k] = true
            }
        }
        found.sort { $0.tokens.lowerBound < $1.tokens.lowerBound }

        // 4. Merge mentions by canonical name.
        var result = Result()
        result.starts = [Int32](repeating: -1, count: tokens.count)
        result.ends = [Int32](repeating: -1, count: tokens.count + 1)
        // Entities keyed by gazetteer entry (>= 0) or cue-found person (-1 - index); a cue
        // person whose name is also a gazetteer entry's merges by name below.
        var indexByKey = GrowingIndex<Int>()
        var personByName = GrowingIndex<String>()
        for f in found {
            let key = f.person >= 0 ? -1 - Int(f.person) : Int(f.entry)
            if let existing = indexByKey.value(for: key) {
                let first = f.tokens.lowerBound, last = f.tokens.upperBound - 1
                let span = tokens[first].range.lowerBound..<tokens[last].range.upperBound
                result.entities[existing].mentions.append(Entity.Mention(text: doc.surface(span), span: span))
                result.starts[first] = Int32(result.spans.count)
                result.ends[f.tokens.upperBound] = Int32(result.spans.count)
                result.spans.append((f.tokens, existing))
                continue
            }
            let name: String, type: Entity.Kind, role: String?, of: String?
            if f.person >= 0 {
                let p = people[Int(f.person)]
                (name, type, role, of) = (p.name, .person, p.role, p.of)
            } else {
                let e = gazetteer.entries[Int(f.entry)]
                let cue = cueRoles.isEmpty ? nil : cueRoles[f.entry]
                (name, type, role, of) = (e.name, e.type, e.role ?? cue?.role, e.of ?? cue?.of)
            }
            let first = f.tokens.lowerBound, last = f.tokens.upperBound - 1
            let span = tokens[first].range.lowerBound..<tokens[last].range.upperBound
            let mention = Entity.Mention(text: doc.surface(span), span: span)
            let index: Int
            if type == .person, let existing = personByName.value(for: name) {
                index = existing
                indexByKey.insert(key, index)
                result.entities[index].mentions.append(mention)
                if result.entities[index].role == nil { result.entities[index].role = role }
                if result.entities[index].affiliation == nil { result.entities[index].affiliation = of }
            } else {
                index = result.entities.count
                if type == .person { personByName.insert(name, index) }
                indexByKey.insert(key, index)
                result.entities.append(Entity(name: name, type: type, mentions: [mention], role: role, affiliation: of))
            }
            result.starts[first] = Int32(result.spans.count)
            result.ends[f.tokens.upperBound] = Int32(result.spans.count)
            result.spans.append((f.tokens, index))
        }
        return result
    }

    /// The longest gazetteer alias starting at token `i`: its length and entry index.
    func gazetteerMatch(at i: Int, _ doc: Document) -> (Int, Int)? {
        let tokens = doc.tokens
        // Every alias starts with a capital (or a digit): lowercase words need no lookup.
        guard tokens[i].aliasList >= 0, doc.isCapitalized(i) else { return nil }
        let candidates = gazetteer.aliasLists[Int(tokens[i].aliasList)]
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
