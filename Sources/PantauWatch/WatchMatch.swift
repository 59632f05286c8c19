import PantauExtractor

/// One watch list that fired on a document, with the evidence for it.
public struct WatchMatch: Sendable, Hashable {
    /// One occurrence of a watch phrase in the document.
    public struct Hit: Sendable, Hashable {
        /// The phrase as written in the watch list.
        public var term: String
        /// The text as it appears in the document.
        public var text: String
        /// Index of the sentence that holds it.
        public var sentence: Int
        /// UTF-8 byte offsets of the occurrence in the document.
        public var range: Range<Int>

        /// Creates a hit.
        public init(term: String, text: String, sentence: Int, range: Range<Int>) {
            self.term = term
            self.text = text
            self.sentence = sentence
            self.range = range
        }
    }

    /// The watch list's name.
    public var watch: String
    /// The severity after boosts.
    public var severity: Severity
    /// Every occurrence of an `any` or `all` phrase, in document order.
    public var hits: [Hit]
    /// The sentence with the most distinct matched phrases (the earliest on ties).
    public var evidence: String
    /// Index of the evidence sentence.
    public var evidenceSentence: Int
    /// Why the alert has its severity: the base, then each boost applied.
    public var reasons: [String]
    /// The event frame that satisfied the list's conditions, when it has frame conditions.
    public var frame: EventFrame?

    /// Creates a match.
    public init(watch: String, severity: Severity, hits: [Hit], evidence: String, evidenceSentence: Int, reasons: [String] = [], frame: EventFrame? = nil) {
        self.watch = watch
        self.severity = severity
        self.hits = hits
        self.evidence = evidence
        self.evidenceSentence = evidenceSentence
        self.reasons = reasons
        self.frame = frame
    }

    /// The distinct phrases that matched, in first-occurrence order.
    public var terms: [String] {
        var seen = Set<String>()
        return hits.compactMap { seen.insert($0.term).inserted ? $0.term : nil }
    }
}
