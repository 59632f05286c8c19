/// Indonesian and English morphology behind one call: the stem of a folded word in a language.
///
/// Watch phrases and documents go through the same stems, so `kirim pasukan` matches
/// `mengirimkan pasukan` and `pengiriman pasukan`, and `deploy troops` matches `deployed troops`.
/// Words of documents in neither language keep their folded form.
public struct Morphology: Sendable {
    /// The Indonesian stemmer.
    public let indonesian: IndonesianStemmer
    /// The English stemmer.
    public let english: EnglishStemmer

    /// Creates the morphology with the built-in lexicons plus extra Indonesian roots
    /// (for example from a watch list's `roots`).
    public init(extraRoots: some Sequence<String> = []) {
        indonesian = IndonesianStemmer(extraRoots: extraRoots)
        english = EnglishStemmer()
    }

    /// The stem of `folded` in `language`.
    public func stem(_ folded: String, language: Language) -> String {
        switch language {
        case .indonesian: indonesian.stem(folded)
        case .english: english.stem(folded)
        case .other: folded
        }
    }

    /// True when `folded` carries a passive prefix (`dikirim`, `terlibat`) whose removal gives
    /// a known root: the object may then stand before the verb (`pasukan … dikirim`).
    public func isPassive(_ folded: String, stem: String, language: Language) -> Bool {
        guard language == .indonesian, stem != folded else { return false }
        return folded.hasPrefix("di") || folded.hasPrefix("ter")
    }
}

extension Morphology {
    /// Example surface forms that analyse to the same stem as `word` in `language`, for
    /// `pantau check-config --explain`: common affix patterns applied to the stem, kept only
    /// when the stemmer maps them back (so every example really matches).
    public func surfaceForms(of word: String, language: Language, limit: Int = 8) -> [String] {
        let folded = TextFolding.fold(word)
        let target = stem(folded, language: language)
        var candidates: [String] = []
        switch language {
        case .indonesian:
            // Affix patterns make sense for verb-like roots (two syllables: kirim, kerah,
            // serang); longer roots are mostly nouns (pasukan, tentara) and get none.
            let root = target
            guard indonesian.roots.contains(root), root.count <= 6 else { return [] }
            let meN = Self.nasalized(root, prefix: "me")
            let peN = Self.nasalized(root, prefix: "pe")
            candidates = [meN, meN + "kan", "di" + root, "di" + root + "kan", peN + "an", root + "an", "ter" + root]
        case .english:
            // Words Indonesian analyses (roots, affixed forms) are not English.
            if indonesian.roots.contains(folded) || indonesian.stem(folded) != folded { return [] }
            var base = folded
            if base.hasSuffix("ment") { base = String(base.dropLast(4)) }
            let t = target
            // A stem that lost its final e (escalat) takes it back before -s.
            let lostE = folded.hasSuffix("e") || folded.hasSuffix("ion") || folded.hasSuffix("ions")
            candidates = (lostE ? [t + "e", t + "es"] : []) + [base + "s", base + "ed", base + "ing", t + "ed", t + "ing", t + "ion", t + "ions",
                                                                t + "ment", t + "ments", base + "d"]
        case .other:
            return [folded]
        }
        var seen: Set<String> = [folded]
        var out: [String] = []
        for candidate in candidates where !candidate.contains("-") && seen.insert(candidate).inserted {
            if stem(candidate, language: language) == target { out.append(candidate) }
            if out.count >= limit { break }
        }
        return out
    }

    /// The meN-/peN- form of an Indonesian root with its sound change (kirim → mengirim,
    /// tempat → menempatkan's menempat, serang → menyerang, pukul → memukul).
    static func nasalized(_ root: String, prefix: String) -> String {
        guard let first = root.first else { return prefix + root }
        let rest = String(root.dropFirst())
        switch first {
        case "k": return prefix + "ng" + rest
        case "t": return prefix + "n" + rest
        case "s": return prefix + "ny" + rest
        case "p": return prefix + "m" + rest
        case "a", "i", "u", "e", "o", "g", "h": return prefix + "ng" + root
        case "b", "f", "v": return prefix + "m" + root
        case "c", "d", "j", "z": return prefix + "n" + root
        default: return prefix + root
        }
    }
}
