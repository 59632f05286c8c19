/// The shared extractor: turns a news text into sentences, tokens and a language.
///
/// Pure and `Sendable`: no I/O, no global state, safe to call from any thread. The daemon
/// runs it on every new item; `pantau extract` runs it on one document.
public struct Extractor: Sendable {
    /// Sentence splitting rules.
    public var splitter: SentenceSplitter
    /// Word tokenizer.
    public var tokenizer: Tokenizer
    /// Language identification.
    public var detector: LanguageDetector

    /// Creates an extractor with the default components.
    public init(
        splitter: SentenceSplitter = SentenceSplitter(),
        tokenizer: Tokenizer = Tokenizer(),
        detector: LanguageDetector = LanguageDetector()
    ) {
        self.splitter = splitter
        self.tokenizer = tokenizer
        self.detector = detector
    }

    /// Analyses `text`. When `language` is given it is used instead of detection.
    public func extract(_ text: String, language: Language? = nil) -> Extraction {
        let sentences = splitter.split(text)
        var tokens: [Token] = []
        for (index, sentence) in sentences.enumerated() {
            for word in tokenizer.wordRanges(in: sentence.text) {
                let sUTF8 = sentence.text.utf8
                let a = sUTF8.index(sUTF8.startIndex, offsetBy: word.lowerBound)
                let b = sUTF8.index(a, offsetBy: word.count)
                let range = (sentence.range.lowerBound + word.lowerBound)..<(sentence.range.lowerBound + word.upperBound)
                tokens.append(Token(folded: TextFolding.fold(sentence.text[a..<b]), range: range, sentence: index))
            }
        }
        if let language {
            return Extraction(text: text, language: language, languageConfidence: 1, sentences: sentences, tokens: tokens)
        }
        let detected = detector.detect(foldedTokens: tokens.lazy.map(\.folded))
        return Extraction(
            text: text, language: detected.language, languageConfidence: detected.confidence,
            sentences: sentences, tokens: tokens
        )
    }
}
