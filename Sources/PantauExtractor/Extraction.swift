/// What the extractor found in one document. Offsets are UTF-8 byte offsets into ``text``.
public struct Extraction: Sendable {
    /// The analysed text.
    public var text: String
    /// The detected (or forced) language.
    public var language: Language
    /// Confidence of the language decision, 0…1 (1 when the language was given).
    public var languageConfidence: Double
    /// Sentences in order.
    public var sentences: [Sentence]
    /// Word tokens in order, each tagged with its sentence.
    public var tokens: [Token]

    /// Creates an extraction.
    public init(text: String, language: Language, languageConfidence: Double, sentences: [Sentence], tokens: [Token]) {
        self.text = text
        self.language = language
        self.languageConfidence = languageConfidence
        self.sentences = sentences
        self.tokens = tokens
    }

    /// The surface text of `range` (UTF-8 byte offsets).
    public func surface(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let a = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let b = utf8.index(a, offsetBy: range.count)
        return String(text[a..<b])
    }
}
