/// One word of a document: its folded key, its stem, where it stands, and which sentence holds it.
public struct Token: Sendable, Hashable {
    /// The folded form (lowercase, accents removed).
    public var folded: String
    /// The stem in the document's language (see ``Morphology``); matching compares stems.
    public var stem: String
    /// UTF-8 byte offsets of the surface form in the analysed text.
    public var range: Range<Int>
    /// Index into ``Extraction/sentences``.
    public var sentence: Int

    /// Creates a token.
    public init(folded: String, stem: String? = nil, range: Range<Int>, sentence: Int) {
        self.folded = folded
        self.stem = stem ?? folded
        self.range = range
        self.sentence = sentence
    }
}
