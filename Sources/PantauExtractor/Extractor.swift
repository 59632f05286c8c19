/// The shared extractor: turns a news text into language, sentences, stemmed tokens, entities,
/// quantities, dates, quotes, attributions and event frames.
///
/// Pure and `Sendable`: no I/O (its lexicons are compiled in), no global mutable state, safe to
/// call from any thread. Build one and reuse it: building compiles the cue tables. The daemon
/// runs it on every new item; `pantau extract` runs it on one document.
public struct Extractor: Sendable {
    /// Sentence splitting rules.
    public var splitter: SentenceSplitter
    /// Word tokenizer.
    public var tokenizer: Tokenizer
    /// Language identification.
    public var detector: LanguageDetector
    /// Indonesian and English stemming.
    public let morphology: Morphology
    /// Known names.
    public let gazetteer: Gazetteer
    let cues: Cues
    let words = WordCache()

    /// Creates an extractor with the default components; `extraRoots` extends the Indonesian
    /// root lexicon (watch lists' `roots`).
    public init(
        splitter: SentenceSplitter = SentenceSplitter(),
        tokenizer: Tokenizer = Tokenizer(),
        detector: LanguageDetector = LanguageDetector(),
        extraRoots: [String] = []
    ) {
        self.splitter = splitter
        self.tokenizer = tokenizer
        self.detector = detector
        morphology = Morphology(extraRoots: extraRoots)
        gazetteer = .standard
        cues = Cues(morphology: morphology)
    }

    /// Analyses `text`. When `language` is given it is used instead of detection; `published`
    /// (the item's publication day) resolves relative dates.
    public func extract(_ text: String, language: Language? = nil, published: CivilDate? = nil) -> Extraction {
        recognize(in: analyse(text, language: language), published: published)
    }

    /// Runs the recognizers (entities, quantities, dates, quotes, attributions, events) on an
    /// ``analyse(_:language:)`` result: the daemon analyses every item but recognizes only
    /// those a watch list fires on. `dates: false` leaves ``Extraction/dates`` empty, for
    /// callers that do not use them (the daemon's alert lines and rules do not).
    public func recognize(in analysed: Extraction, published: CivilDate? = nil, dates: Bool = true) -> Extraction {
        var extraction = analysed
        let text = extraction.text
        extraction.published = published
        let doc = Document(text: text, tokens: extraction.tokens, sentences: extraction.sentences, language: extraction.language)
        let entities = EntityRecognizer(gazetteer: gazetteer, roles: cues.roles).recognize(doc)
        let quantities = QuantityRecognizer(assets: cues.assets).recognize(doc)
        let quoteRecognizer = QuoteRecognizer(speech: cues.speech, attribution: cues.attribution)
        let quotes = quoteRecognizer.quotes(doc, entities: entities)
        let attributions = quoteRecognizer.attributions(doc, entities: entities)
        extraction.entities = entities.entities
        extraction.quantities = quantities
        if dates { extraction.dates = DateRecognizer().recognize(doc, published: published) }
        extraction.quotes = quotes
        extraction.attributions = attributions
        extraction.events = EventRecognizer(cues: cues).recognize(.init(
            doc: doc, entities: entities, quantities: quantities, quotes: quotes, attributions: attributions
        ))
        return extraction
    }

    /// Classes, stems, stem keys and cue masks of one folded word in every language.
    func wordInfo(_ word: String) -> AnalysedWord {
        let id = morphology.indonesian.stem(word)
        let en = morphology.english.stem(word)
        // A phrase may start with the stem or with the word itself: the word's own entry is
        // looked up once, and a stem is looked up only when it differs from the word.
        let wordMask = cues.firstWordMask[word] ?? 0
        let idMask = id == word ? wordMask : (cues.firstWordMask[id] ?? 0) | wordMask
        let enMask = en == word ? wordMask : en == id ? idMask : (cues.firstWordMask[en] ?? 0) | wordMask
        let wordKey = stemKey(word)
        let info = WordInfo(
            classes: WordClass.of(word, gazetteer: gazetteer),
            keys: (id == word ? wordKey : stemKey(id), en == word ? wordKey : stemKey(en), wordKey), masks: (idMask, enMask, wordMask),
            aliasList: gazetteer.aliasListIndex[word] ?? -1
        )
        return AnalysedWord(info: info, indonesian: id, english: en)
    }

    /// Language, sentences and stemmed tokens only: what watch-list matching needs.
    public func analyse(_ text: String, language: Language? = nil) -> Extraction {
        let sentences = splitter.split(text)
        let (tokens, detected) = withWordEntries(text) { rows, entries, words in
            buildTokens(rows, entries, words, sentences: sentences, language: language)
        }
        return Extraction(text: text, language: detected.language, languageConfidence: detected.confidence, sentences: sentences, tokens: tokens)
    }

    /// ``analyse(_:language:)`` when `wanted` accepts the words' stem keys, nil (and no
    /// sentences, language detection or tokens) when it does not: the daemon asks its watch
    /// lists (``StemKeys``) first, and most items hold none of their phrases. The words are
    /// read once either way.
    public func analyse(_ text: String, language: Language? = nil, if wanted: (StemKeys) -> Bool) -> Extraction? {
        let result = withWordEntries(text) { rows, entries, words -> ([Token], (language: Language, confidence: Double), [Sentence])? in
            guard wanted(Self.stemKeys(rows, entries)) else { return nil }
            let sentences = splitter.split(text)
            let (tokens, detected) = buildTokens(rows, entries, words, sentences: sentences, language: language)
            return (tokens, detected, sentences)
        }
        guard let (tokens, detected, sentences) = result else { return nil }
        return Extraction(text: text, language: detected.language, languageConfidence: detected.confidence, sentences: sentences, tokens: tokens)
    }

    /// The stem keys of every word of `text` in every language slot: the words and memo
    /// lookups of ``analyse(_:language:)`` without its sentences, language detection and
    /// tokens, for a quick test of whether any watch-list phrase can be in the text.
    public func stemKeys(_ text: String) -> StemKeys {
        withWordEntries(text) { rows, entries, _ in Self.stemKeys(rows, entries) }
    }

    static func stemKeys(_ rows: WordCache.Rows, _ entries: [Int]) -> StemKeys {
        // Written through pointers: this runs for every word of every item.
        let memo = rows.entries
        let keys = [UInt64](unsafeUninitializedCapacity: entries.count * 3) { keys, count in
            for (i, e) in entries.enumerated() {
                let k = memo[e].info.keys
                (keys.baseAddress! + 3 * i).initialize(to: k.0)
                (keys.baseAddress! + 3 * i + 1).initialize(to: k.1)
                (keys.baseAddress! + 3 * i + 2).initialize(to: k.2)
            }
            count = entries.count * 3
        }
        return StemKeys(keys: keys)
    }

    /// The tokens of words with these memo entries and byte ranges, in the given language
    /// or the detected one. Words never straddle a sentence boundary (boundaries fall on
    /// spaces, breaks and punctuation), so one pass tags each word with its sentence.
    func buildTokens(_ rows: WordCache.Rows, _ entries: [Int], _ words: [Range<Int>], sentences: [Sentence],
                language: Language?) -> ([Token], (language: Language, confidence: Double)) {
        let memo = rows.entries, folded = rows.words
        var detected = (language: language ?? .other, confidence: 1.0)
        if language == nil { detected = detector.detect(folded: entries.lazy.map { folded[$0] }, classes: entries.lazy.map { memo[$0].info.classes }) }
        let slot = detected.language == .indonesian ? 0 : detected.language == .english ? 1 : 2
        var tokens: [Token] = []
        tokens.reserveCapacity(words.count)
        var sentence = 0
        // The memo's columns through pointers: this runs for every word of every item that
        // passes the stem-key test.
        let stems = rows.stems(slot)
        for (i, word) in words.enumerated() {
            while sentence < sentences.count - 1, word.lowerBound >= sentences[sentence].range.upperBound { sentence += 1 }
            let e = entries[i]
            tokens.append(Token(folded: folded[e], stem: stems[e], info: memo[e].info, slot: slot, range: word, sentence: sentence))
        }
        return (tokens, detected)
    }

    /// Finds every word of `text` and its memo entry (analysing words seen for the first
    /// time), then runs `body` with the memo's rows, the entries and the words' byte ranges.
    /// Everything about each distinct word (classes, stems, cue masks) is memoised; a known
    /// ASCII word is found from its bytes, packed while the tokenizer reads them, without
    /// building a `String`.
    func withWordEntries<R>(_ text: String, _ body: (WordCache.Rows, [Int], [Range<Int>]) -> R) -> R {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var nonASCII: [Int: String] = [:]
            let (words, keys) = tokenizer.scan(bytes) { i, slice in
                if let key = PackedWord.ascii(slice) { return key }  // long ASCII words
                let f = TextFolding.fold(utf8: slice)
                nonASCII[i] = f
                return PackedWord(hash: stemKey(f))
            }
            func word(_ i: Int) -> String {
                if keys[i].length < 0, let f = nonASCII[i] { return f }
                return TextFolding.fold(utf8: UnsafeBufferPointer(rebasing: bytes[words[i]]))
            }
            return self.words.withEntries(keys, word: word, analyse: { wordInfo($0) }) { rows, entries in body(rows, entries, words) }
        }
    }
}
