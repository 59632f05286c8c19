import PantauExtractor
import PantauTestSupport
import Testing
@testable import PantauWatch

/// The stem-key test the daemon runs before analysing an item: when it says no list can
/// fire, the full analysis must agree.
@Suite struct WatchPrefilterTests {
    static let extractor = Extractor()
    static let watches = [
        WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan", "troops deployed", "mobilisasi"]),
        WatchDefinition(name: "strike", severity: .medium, any: ["serangan udara", "air strike"], none: ["latihan"]),
        WatchDefinition(name: "near", severity: .low, all: ["kapal"], near: [NearRule(words: ["tentara", "perbatasan"], distance: 4)]),
        WatchDefinition(name: "weights", severity: .low, weights: ["rudal": 2, "blokade": 1], threshold: 2),
        WatchDefinition(name: "english", severity: .low, anyByLanguage: [.english: ["naval blockade"]]),
    ]
    static let matcher = WatchMatcher(watches: watches, morphology: extractor.morphology)

    @Test(arguments: [
        ("Korea Utara mengirimkan pasukan ke Rusia.", true),
        ("Pasukan itu dikirim ke perbatasan kemarin.", true),           // passive order
        ("Pengiriman pasukan berlanjut.", true),
        ("Thousands of troops were deployed, and troops deployed again.", true),
        ("Harga cabai naik di pasar.", false),
        ("Kirim bantuan untuk pasukan.", false),                        // both words, not the phrase
        ("Rudal diluncurkan.", true),                                   // a weighted word
        ("The navy announced a naval blockade.", true),
    ])
    func saysWhetherAListCouldFire(text: String, may: Bool) {
        #expect(Self.matcher.mayFire(Self.extractor.stemKeys(text)) == may)
    }

    @Test func aListWithoutPhrasesKeepsEveryItem() {
        let conditions = WatchMatcher(watches: [WatchDefinition(name: "c", severity: .low, conditions: WatchConditions(event: .deployment))],
                                      morphology: Self.extractor.morphology)
        #expect(conditions.mayFire(Self.extractor.stemKeys("Harga cabai naik.")))
    }

    /// Random texts from the lists' own words and others: whenever the test says no, the
    /// full analysis finds nothing either; when it lets an item through, the analysis is the
    /// plain one.
    @Test func neverRefusesATextAListFiresOn() {
        let vocabulary = ["kirim", "mengirimkan", "dikirim", "pasukan", "tentara", "perbatasan", "kapal", "serangan", "udara",
                          "latihan", "rudal", "blokade", "naval", "blockade", "troops", "deployed", "air", "strike", "mobilisasi",
                          "harga", "cabai", "naik", "di", "yang", "the", "of", "and", "ke", "Rusia", "said", "kata", ".", ",", "\n"]
        var rng = SeededRandom(state: 42)
        var refused = 0, fired = 0
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...14, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)! }.joined(separator: " ")
            let may = Self.matcher.mayFire(Self.extractor.stemKeys(text))
            let matches = Self.matcher.match(Self.extractor.analyse(text))
            if !may {
                refused += 1
                #expect(matches.isEmpty, "refused but fires: \(text)")
                #expect(Self.extractor.analyse(text, if: Self.matcher.mayFire) == nil)
            } else {
                let gated = Self.extractor.analyse(text, if: Self.matcher.mayFire)
                #expect(gated?.tokens == Self.extractor.analyse(text).tokens)
                #expect(gated?.sentences == Self.extractor.analyse(text).sentences)
            }
            if !matches.isEmpty { fired += 1 }
        }
        // Both kinds occur, so the check above is not vacuous.
        #expect(refused > 500)
        #expect(fired > 500)
    }
}

/// `explain` (what `pantau test-watch` prints) looks at every list; `match` (what the daemon
/// runs) skips lists that cannot fire. Over random lists and texts they must agree on which
/// lists fire, and the stem-key test must let every firing text through.
@Suite struct MatchExplainAgreementTests {
    static let extractor = Extractor()

    @Test func matchAndExplainFireTheSameLists() {
        let words = ["kirim", "pasukan", "tentara", "latihan", "perbatasan", "rudal", "blokade", "troops", "deployed", "naval", "serangan", "udara"]
        let texts = ["Korea Utara mengirim 1.500 tentara ke Rusia.", "Pasukan itu dikirim ke perbatasan untuk latihan.",
                     "Rudal diluncurkan di dekat perbatasan.", "Thousands of troops were deployed near the border.",
                     "The navy began a naval blockade.", "Serangan udara menghantam kota.", "Harga cabai naik.",
                     "Rusia mengirim pasukan tambahan.\nLatihan berakhir kemarin."]
        var rng = SeededRandom(state: 99)
        func pick(_ n: ClosedRange<Int>) -> [String] { (0..<Int.random(in: n, using: &rng)).map { _ in words.randomElement(using: &rng)! } }
        var firedSomewhere = 0
        for round in 0..<300 {
            var watch = WatchDefinition(name: "w\(round)", severity: .medium, any: pick(0...2), all: pick(0...1), none: pick(0...1))
            if Bool.random(using: &rng) { watch.near = [NearRule(words: pick(2...2), distance: Int.random(in: 2...6, using: &rng))] }
            if Int.random(in: 0..<4, using: &rng) == 0 { watch.weights = [words.randomElement(using: &rng)!: 1.5]; watch.threshold = 1 }
            if Int.random(in: 0..<3, using: &rng) == 0 { watch.conditions.event = .deployment }
            if Int.random(in: 0..<5, using: &rng) == 0 { watch.anyByLanguage = [.english: pick(1...1)] }
            if Int.random(in: 0..<5, using: &rng) == 0 { watch.sameSentence = true }
            if Int.random(in: 0..<4, using: &rng) == 0 { watch.fields = [Bool.random(using: &rng) ? .title : .body] }
            guard watch.canFire else { continue }
            let matcher = WatchMatcher(watches: [watch], morphology: Self.extractor.morphology)
            let context = WatchMatcher.Context(titleSentences: Int.random(in: 0...1, using: &rng))
            for text in texts {
                let x = Self.extractor.extract(text)
                let matched = !matcher.match(x, context: context).isEmpty
                let explained = matcher.explain(x, context: context).contains { $0.fired }
                #expect(matched == explained, "\(watch) on \(text)")
                if matched {
                    firedSomewhere += 1
                    #expect(matcher.mayFire(Self.extractor.stemKeys(text)), "\(watch) on \(text)")
                }
            }
        }
        #expect(firedSomewhere > 50)
    }
}
