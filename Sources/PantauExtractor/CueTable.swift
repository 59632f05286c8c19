/// Phrases matched on stems, each with a value: the lexicons behind roles, speech verbs,
/// hedges, triggers and assets (`Resources/cues.txt`).
///
/// A phrase is stored once per language (stemmed with that language's stemmer), so one written
/// form covers its inflections. Lookup finds the longest phrase starting at a token.
struct CueTable: Sendable {
    struct Entry: Sendable {
        var stems: [String]
        var value: String
    }

    /// Entries keyed by first stem.
    private(set) var byFirst: [String: [Entry]] = [:]
    /// Match folded words only.
    let exact: Bool
    /// This table's bit in ``Token/cueMask``: a token whose bit is clear starts no phrase,
    /// so most lookups cost no hashing at all.
    let bit: UInt16

    /// `exact` tables match folded words only, not stems: look-alike cues must not catch
    /// other words of the same root (`pelatih`, a coach, is not `pelatihan`, training).
    init(_ phrases: [(String, String)], morphology: Morphology, bit: UInt16, exact: Bool = false) {
        self.bit = bit
        self.exact = exact
        for (phrase, value) in phrases {
            let words = phrase.split(whereSeparator: { $0 == " " || $0 == "-" }).map { TextFolding.fold($0) }
            guard !words.isEmpty else { continue }
            var variants: Set<[String]> = [words]
            if !exact {
                for language in [Language.indonesian, .english] { variants.insert(words.map { morphology.stem($0, language: language) }) }
            }
            for stems in variants {
                byFirst[stems[0], default: []].append(Entry(stems: stems, value: value))
            }
        }
        for key in byFirst.keys { byFirst[key]!.sort { $0.stems.count > $1.stems.count } }
    }

    /// The longest phrase starting at token `i` within `limit`: its length in tokens and value.
    /// Inlined up to the test of the token's cue mask, which most tokens fail.
    @inline(__always)
    func match(at i: Int, in doc: Document, limit: Int? = nil) -> (length: Int, value: String)? {
        guard i >= 0, i < doc.tokens.count, doc.tokens[i].cueMask & bit != 0 else { return nil }
        return phrase(at: i, in: doc, limit: limit)
    }

    /// ``match(at:in:limit:)`` for a token whose cue mask has this table's bit.
    private func phrase(at i: Int, in doc: Document, limit: Int?) -> (length: Int, value: String)? {
        let tokens = doc.tokens
        let end = min(limit ?? tokens.count, tokens.count)
        guard i < end, let entries = (exact ? nil : byFirst[tokens[i].stem]) ?? byFirst[tokens[i].folded] else { return nil }
        for entry in entries where i + entry.stems.count <= end {
            var ok = true
            for k in 1..<max(entry.stems.count, 1) where k < entry.stems.count {
                let t = tokens[i + k]
                if (exact || t.stem != entry.stems[k]) && t.folded != entry.stems[k] { ok = false; break }
            }
            if ok { return (entry.stems.count, entry.value) }
        }
        return nil
    }

    /// True when a phrase starts at token `i`.
    func contains(at i: Int, in doc: Document) -> Bool { match(at: i, in: doc) != nil }
}

/// The cue lists of `Resources/cues.txt`, compiled once.
final class Cues: Sendable {
    let roles, speech, attribution, hedges, deployment, escalation, launch, assets, military, lookalike: CueTable
    /// For every first word (stem or folded form) of any phrase: the bits of the tables
    /// holding it.
    let firstWordMask: [String: UInt16]

    init(morphology: Morphology) {
        var sections: [String: [(String, String)]] = [:]
        var current = ""
        for line in Lexicon.lines(PackageResources.cues_txt) {
            if line.hasPrefix("[") && line.hasSuffix("]") {
                current = String(line.dropFirst().dropLast())
                continue
            }
            let parts = line.split(separator: "=", maxSplits: 1).map { String($0.trimmingSpaces) }
            sections[current, default: []].append((parts[0], parts.count > 1 ? parts[1] : parts[0]))
        }
        var bit: UInt16 = 1
        var mask: [String: UInt16] = [:]
        func table(_ name: String, exact: Bool = false) -> CueTable {
            let t = CueTable(sections[name] ?? [], morphology: morphology, bit: bit, exact: exact)
            for key in t.byFirst.keys { mask[key, default: 0] |= bit }
            bit <<= 1
            return t
        }
        roles = table("roles")
        speech = table("speech")
        attribution = table("attribution")
        hedges = table("hedges")
        deployment = table("deployment")
        escalation = table("escalation")
        launch = table("launch")
        assets = table("assets")
        military = table("military")
        lookalike = table("lookalike", exact: true)
        firstWordMask = mask
    }
}
