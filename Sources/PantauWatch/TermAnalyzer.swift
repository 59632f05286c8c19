import PantauExtractor

/// Maps a folded word to the term that matching compares.
///
/// Watch phrases and document words go through the same analyzer, so swapping in a
/// morphological analyzer (stems) changes what matches without touching the matcher.
public protocol TermAnalyzer: Sendable {
    /// The matching term for `folded` (already lowercased and accent-free).
    /// `language` is the document's language, or `nil` for watch phrases.
    func term(for folded: String, language: Language?) -> String
}

/// The v0.1 analyzer: a word's term is its folded form (exact-word phrase matching).
public struct FoldingAnalyzer: TermAnalyzer {
    /// Creates the analyzer.
    public init() {}

    /// Returns `folded` unchanged.
    public func term(for folded: String, language: Language?) -> String { folded }
}
