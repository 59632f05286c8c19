extension EventRecognizer {
    /// What frames are built from: the document and what the other recognizers found in it,
    /// with lookups that keep a long document linear. Each question a frame asks (the count
    /// ending at a word, the quote around the trigger, the entity over a token) is a hash or a
    /// binary search, not a walk over the whole document: a hostile item of megabytes in one
    /// "sentence" must cost seconds, not hours.
    struct Context {
        let doc: Document
        let entities: EntityRecognizer.Result
        let quantities: [Quantity]
        let quotes: [Quote]
        let attributions: [Attribution]
        /// Byte offset → the first quantity ending there, and sentence → its quantities (in
        /// document order); built only for documents with many.
        private let quantityEnding: [Int: Int]?
        private let sentenceQuantities: [Int: [Int]]?
        /// Sentence → its first attribution; built only for documents with many.
        private let sentenceAttribution: [Int: Int]?
        /// The quotes with a speaker, in document order (quotes come sorted by start), and the
        /// running maximum of their ends; built only for documents with many.
        private let spokenQuotes: (indices: [Int], reach: [Int])?

        /// Below this many quantities, quotes or attributions, a walk over them is cheaper than
        /// an index (most alerting items hold a handful).
        static let indexFrom = 16

        init(doc: Document, entities: EntityRecognizer.Result, quantities: [Quantity], quotes: [Quote], attributions: [Attribution]) {
            self.doc = doc
            self.entities = entities
            self.quantities = quantities
            self.quotes = quotes
            self.attributions = attributions
            if quantities.count > Self.indexFrom {
                var ending: [Int: Int] = [:], bySentence: [Int: [Int]] = [:]
                for (i, q) in quantities.enumerated() {
                    if ending[q.span.upperBound] == nil { ending[q.span.upperBound] = i }
                    bySentence[q.sentence, default: []].append(i)
                }
                (quantityEnding, sentenceQuantities) = (ending, bySentence)
            } else {
                (quantityEnding, sentenceQuantities) = (nil, nil)
            }
            if attributions.count > Self.indexFrom {
                var first: [Int: Int] = [:]
                for (i, a) in attributions.enumerated() where first[a.sentence] == nil { first[a.sentence] = i }
                sentenceAttribution = first
            } else {
                sentenceAttribution = nil
            }
            if quotes.count > Self.indexFrom {
                let spoken = quotes.indices.filter { quotes[$0].speaker != nil }
                var reach: [Int] = [], farthest = Int.min
                for i in spoken {
                    farthest = max(farthest, quotes[i].span.upperBound)
                    reach.append(farthest)
                }
                spokenQuotes = (spoken, reach)
            } else {
                spokenQuotes = nil
            }
        }

        /// The first quantity whose text ends at byte `offset`.
        func quantity(endingAt offset: Int) -> Quantity? {
            guard let quantityEnding else { return quantities.first { $0.span.upperBound == offset } }
            return quantityEnding[offset].map { quantities[$0] }
        }

        /// The first quantity of sentence `s` counting `unit`.
        func quantity(inSentence s: Int, unit: String?) -> Quantity? {
            guard let sentenceQuantities else { return quantities.first { $0.sentence == s && $0.unit == unit } }
            return sentenceQuantities[s]?.lazy.map { quantities[$0] }.first { $0.unit == unit }
        }

        /// The first attribution in sentence `s`.
        func attribution(inSentence s: Int) -> Attribution? {
            guard let sentenceAttribution else { return attributions.first { $0.sentence == s } }
            return sentenceAttribution[s].map { attributions[$0] }
        }

        /// The first quote with a speaker whose span holds `bytes`. Quotes are sorted by start,
        /// so those starting at or before `bytes` are a prefix; the first of all whose end
        /// reaches `bytes` is where the running maximum of ends first does, and it counts only
        /// when it lies in that prefix.
        func spokenQuote(around bytes: Range<Int>) -> Quote? {
            guard let (spoken, reach) = spokenQuotes else {
                return quotes.first { $0.span.lowerBound <= bytes.lowerBound && $0.span.upperBound >= bytes.upperBound && $0.speaker != nil }
            }
            let started = partitionPoint(spoken.count) { quotes[spoken[$0]].span.lowerBound > bytes.lowerBound }
            let reaching = partitionPoint(reach.count) { reach[$0] >= bytes.upperBound }
            return reaching < started ? quotes[spoken[reaching]] : nil
        }

        /// Whether token `i` lies inside an entity name (spans are in order and do not overlap).
        func insideEntity(_ i: Int) -> Bool {
            let after = firstSpan(startingAtOrAfter: i + 1)
            return after > 0 && entities.spans[after - 1].tokens.contains(i)
        }

        /// Index of the first entity span starting at or after token `i`.
        func firstSpan(startingAtOrAfter i: Int) -> Int {
            partitionPoint(entities.spans.count) { entities.spans[$0].tokens.lowerBound >= i }
        }
    }
}
