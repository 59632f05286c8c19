/// One word of a document: its folded key, where it stands, and which sentence holds it.
public struct Token: Sendable, Hashable {
    /// The folded form (lowercase, accents removed) used for matching.
    public var folded: String
    /// UTF-8 byte offsets of the surface form in the analysed text.
    public var range: Range<Int>
    /// Index into ``Extraction/sentences``.
    public var sentence: Int

    /// Creates a token.
    public init(folded: String, range: Range<Int>, sentence: Int) {
        self.folded = folded
        self.range = range
        self.sentence = sentence
    }
}
