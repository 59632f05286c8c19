/// What the extractor found in one document. Offsets are UTF-8 byte offsets into ``text``.
public struct Extraction: Sendable {
    /// The analysed text.
    public var text: String
    /// The detected (or forced) language.
    public var language: Language
    /// Confidence of the language decision, 0…1 (1 when the language was given).
    public var languageConfidence: Double
    /// The publication date dates were resolved against, if given.
    public var published: CivilDate?
    /// Sentences in order.
    public var sentences: [Sentence]
    /// Word tokens in order, each tagged with its sentence and stem.
    public var tokens: [Token]
    /// Named entities, in first-mention order.
    public var entities: [Entity]
    /// Counted amounts, in order.
    public var quantities: [Quantity]
    /// Dates, in order.
    public var dates: [DateMention]
    /// Quotations, in order.
    public var quotes: [Quote]
    /// Reports attributed to sources, in order.
    public var attributions: [Attribution]
    /// Deployment and escalation frames, in order.
    public var events: [EventFrame]

    /// Creates an extraction.
    public init(
        text: String, language: Language, languageConfidence: Double, published: CivilDate? = nil,
        sentences: [Sentence], tokens: [Token], entities: [Entity] = [], quantities: [Quantity] = [],
        dates: [DateMention] = [], quotes: [Quote] = [], attributions: [Attribution] = [], events: [EventFrame] = []
    ) {
        self.text = text
        self.language = language
        self.languageConfidence = languageConfidence
        self.published = published
        self.sentences = sentences
        self.tokens = tokens
        self.entities = entities
        self.quantities = quantities
        self.dates = dates
        self.quotes = quotes
        self.attributions = attributions
        self.events = events
    }

    /// The surface text of `range` (UTF-8 byte offsets).
    public func surface(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let a = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let b = utf8.index(a, offsetBy: range.count)
        return String(text[a..<b])
    }
}
