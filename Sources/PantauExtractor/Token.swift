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
    /// A 64-bit key of ``stem`` (FNV-1a) for integer-keyed indexes.
    public var stemKey: UInt64
    /// Word classes (number word, month, function word…), see ``WordClass``.
    var classes: WordClass
    /// Cue tables a phrase of which may start here (see ``CueTable/bit``).
    var cueMask: UInt16
    /// ``Gazetteer/aliasLists`` index of names starting with this word, or -1.
    var aliasList: Int32

    /// Creates a token; the stem defaults to the folded form.
    public init(folded: String, stem: String? = nil, range: Range<Int>, sentence: Int) {
        self.folded = folded
        self.stem = stem ?? folded
        self.range = range
        self.sentence = sentence
        self.stemKey = PantauExtractor.stemKey(self.stem)
        self.classes = !folded.isEmpty && folded.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) ? .digits : []
        self.cueMask = 0
        self.aliasList = Gazetteer.standard.aliasListIndex[folded] ?? -1
    }

    init(folded: String, stem: String, info: WordInfo, slot: Int, range: Range<Int>, sentence: Int) {
        self.folded = folded
        self.stem = stem
        self.stemKey = info.key(slot)
        self.classes = info.classes
        self.cueMask = info.mask(slot)
        self.aliasList = info.aliasList
        self.range = range
        self.sentence = sentence
    }
}
