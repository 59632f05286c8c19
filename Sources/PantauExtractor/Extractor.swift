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
        // Words never straddle a sentence boundary (boundaries fall on spaces, breaks and
        // punctuation), so one pass over the whole text tags each word with its sentence.
        let words = tokenizer.wordRanges(in: text)
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        var utf8 = text
        utf8.withUTF8 { bytes in
            var sentence = 0
            for word in words {
                while sentence < sentences.count - 1, word.lowerBound >= sentences[sentence].range.upperBound { sentence += 1 }
                tokens.append(Token(folded: TextFolding.fold(utf8: UnsafeBufferPointer(rebasing: bytes[word])), range: word, sentence: sentence))
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
