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
