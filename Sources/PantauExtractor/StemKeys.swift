/// Per word of a text, the 64-bit keys of its stems in the three language slots
/// (Indonesian, English, neither: ``Token/stemKey`` as the document's language would choose
/// it): what watch-list matching compares, without tokens, sentences or language
/// detection. See ``Extractor/stemKeys(_:)``.
public struct StemKeys: Sendable {
    /// Three keys per word, slot by slot.
    @usableFromInline let keys: [UInt64]

    /// Number of words.
    @inlinable public var count: Int { keys.count / 3 }

    /// The key of word `word`'s stem in language slot `slot` (0 Indonesian, 1 English,
    /// 2 neither: the folded word itself).
    /// (Inlinable: the watch lists' test calls it four times per word, from another module.)
    @inlinable @inline(__always)
    public func key(_ word: Int, slot: Int) -> UInt64 { keys[word &* 3 &+ slot] }
}
