import PantauTestSupport
import Testing
@testable import PantauExtractor

/// The event recognizer's lookups (hashes and binary searches, so that a long item stays
/// linear) give the answers the walks over the whole document they replaced gave.
@Suite struct EventContextTests {
    static let pieces = [
        "Korea Utara mengirimkan 1.500 tentara ke Rusia.", "\u{201C}Kami siap,\u{201D} kata Menteri Pertahanan Rusia Andrei Belousov.",
        "\"Pasukan kami tiba,\" ujar Zelensky.", "Menurut Yonhap, tujuh kapal perang berlayar.", "dilansir dari AFP", "NATO", "Kyiv",
        "North Korean troops were deployed to Kursk, Reuters reported.", "\"Tidak ada", "serangan\u{201D}", "10 ribu tentara dan 20 tank",
        "sebanyak 3.000 marinir", "Amerika Serikat", "Presiden Ukraina Volodymyr Zelensky", "bahwa", "rudal", "meluncurkan",
        "dan", "di perbatasan", "Rabu (23/10).", "\n", "Menurut Reuters, 500 tentara tiba.", "according to AP",
    ]

    func context(_ text: String) -> EventRecognizer.Context {
        let e = sharedExtractor
        let analysed = e.analyse(text)
        let doc = Document(text: text, tokens: analysed.tokens, sentences: analysed.sentences, language: analysed.language)
        let entities = EntityRecognizer(gazetteer: e.gazetteer, roles: e.cues.roles).recognize(doc)
        let quotes = QuoteRecognizer(speech: e.cues.speech, attribution: e.cues.attribution)
        return .init(doc: doc, entities: entities, quantities: QuantityRecognizer(assets: e.cues.assets).recognize(doc),
                     quotes: quotes.quotes(doc, entities: entities), attributions: quotes.attributions(doc, entities: entities))
    }

    @Test func lookupsAnswerAsAWalkOverTheDocumentWould() {
        var random = SeededRandom(state: 23)
        var checked = (spans: 0, quotes: 0, quantities: 0, attributions: 0)
        var indexed = (quotes: 0, quantities: 0, attributions: 0), walked = 0
        for _ in 0..<80 {
            let text = (0..<Int.random(in: 3...160, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined(separator: " ")
            let c = context(text)
            let spans = c.entities.spans
            checked.spans += spans.count
            checked.quotes += c.quotes.filter { $0.speaker != nil }.count
            checked.quantities += c.quantities.count
            checked.attributions += c.attributions.count
            let limit = EventRecognizer.Context.indexFrom
            if c.quotes.count > limit { indexed.quotes += 1 }
            if c.quantities.count > limit { indexed.quantities += 1 }
            if c.attributions.count > limit { indexed.attributions += 1 }
            if c.quotes.count <= limit && c.quantities.count <= limit && c.attributions.count <= limit { walked += 1 }
            for (i, token) in c.doc.tokens.enumerated() {
                #expect(c.insideEntity(i) == spans.contains { $0.tokens.contains(i) }, "\(text)")
                #expect(c.firstSpan(startingAtOrAfter: i) == (spans.firstIndex { $0.tokens.lowerBound >= i } ?? spans.count))
                let quote = c.quotes.first { $0.span.lowerBound <= token.range.lowerBound && $0.span.upperBound >= token.range.upperBound && $0.speaker != nil }
                #expect(c.spokenQuote(around: token.range) == quote, "\(text)")
                #expect(c.quantity(endingAt: token.range.upperBound) == c.quantities.first { $0.span.upperBound == token.range.upperBound })
            }
            for s in c.doc.sentences.indices {
                #expect(c.attribution(inSentence: s) == c.attributions.first { $0.sentence == s })
                for unit in [nil, "troops", "ships", "tanks", "marines"] {
                    #expect(c.quantity(inSentence: s, unit: unit) == c.quantities.first { $0.sentence == s && $0.unit == unit })
                }
            }
        }
        // The documents exercised every lookup, not only their empty answers, both indexed
        // (long documents) and walked (short ones).
        #expect(checked.spans > 200 && checked.quotes > 20 && checked.quantities > 50 && checked.attributions > 10)
        #expect([indexed.quotes, indexed.quantities, indexed.attributions, walked].allSatisfy { $0 > 3 }, "\(indexed), \(walked)")
    }
}
