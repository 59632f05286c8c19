import PantauExtractor
import Testing
@testable import PantauWatch

/// The rule language, one operator or condition per test, each with a document that fires
/// and one that must not.
@Suite struct WatchRuleTests {
    static let extractor = Extractor()

    func fires(_ watch: WatchDefinition, _ text: String, context: WatchMatcher.Context = .init()) -> WatchMatch? {
        let x = Self.extractor.extract(text)
        return WatchMatcher(watches: [watch]).match(x, context: context).first
    }

    @Test func nearMatchesWordsWithinTheDistanceInAnyOrder() {
        let watch = WatchDefinition(name: "n", severity: .high, near: [NearRule(words: ["kirim", "pasukan"], distance: 4)])
        #expect(fires(watch, "Rusia mengirim 3.000 pasukan tambahan ke perbatasan.") != nil)
        #expect(fires(watch, "Pasukan elite itu segera dikirim ke garis depan.") != nil)
        #expect(fires(watch, "Rusia mengirim bantuan pangan dan obat-obatan serta dokter untuk pasukan penjaga perdamaian.") == nil)
        #expect(fires(watch, "Rusia mengirim surat.\nPasukan tiba kemarin.") == nil)
    }

    @Test func listsSharingANearRuleOrPhraseAreJudgedEachOnItsOwn() {
        // The same near rule and the same phrase in several lists are looked for once per
        // document; each list still applies its own fields, vetoes and other phrases.
        let rule = NearRule(words: ["kirim", "pasukan"], distance: 4)
        let plain = WatchDefinition(name: "plain", severity: .high, near: [rule])
        let titleOnly = WatchDefinition(name: "title", severity: .high, near: [rule], fields: [.title])
        let vetoed = WatchDefinition(name: "vetoed", severity: .high, any: ["pasukan"], none: ["perdamaian"], near: [rule])
        let needsAll = WatchDefinition(name: "all", severity: .high, all: ["rusia"], near: [rule])
        let matcher = WatchMatcher(watches: [plain, titleOnly, vetoed, needsAll], morphology: Self.extractor.morphology)
        let body = Self.extractor.extract("Latihan digelar\nUkraina mengirim 300 pasukan ke perbatasan.")
        #expect(matcher.match(body, context: .init(titleSentences: 1)).map(\.watch) == ["plain", "vetoed"])
        let peace = Self.extractor.extract("Ukraina mengirim pasukan perdamaian ke Rusia.")
        #expect(matcher.match(peace).map(\.watch) == ["plain", "all"])
        let far = Self.extractor.extract("Rusia mengirim surat kepada PBB tentang pasukan asing.")
        #expect(matcher.match(far).map(\.watch) == ["vetoed"])
    }

    @Test func aNonePhraseVetoesItsPassiveFormToo() {
        let watch = WatchDefinition(name: "v", severity: .low, any: ["perbatasan"], none: ["kirim pasukan"])
        #expect(fires(watch, "Patroli di perbatasan ditingkatkan.") != nil)
        #expect(fires(watch, "Pasukan itu dikirim ke perbatasan.") == nil)
        #expect(fires(watch, "Pemerintah mengirimkan pasukan ke perbatasan.") == nil)
    }

    @Test func sameSentenceNeedsEveryPhraseInOneSentence() {
        let watch = WatchDefinition(name: "s", severity: .high, any: ["pasukan"], all: ["rusia"], sameSentence: true)
        #expect(fires(watch, "Pasukan Rusia bergerak ke barat.") != nil)
        #expect(fires(watch, "Pasukan bergerak ke barat. Rusia membantah.") == nil)
        var loose = watch
        loose.sameSentence = false
        #expect(fires(loose, "Pasukan bergerak ke barat. Rusia membantah.") != nil)
    }

    @Test func fieldsLimitWherePhrasesCount() {
        let watch = WatchDefinition(name: "f", severity: .low, any: ["invasi"], fields: [.title])
        let title = WatchMatcher.Context(titleSentences: 1)
        #expect(fires(watch, "Invasi dimulai\nPasukan bergerak.", context: title) != nil)
        #expect(fires(watch, "Pasukan bergerak\nInvasi dimulai.", context: title) == nil)
    }

    @Test func languageSpecificPhrasesCountOnlyInThatLanguage() {
        let watch = WatchDefinition(name: "l", severity: .low, anyByLanguage: [.english: ["troops"]])
        #expect(fires(watch, "Russia sent more troops to the border, the ministry said.") != nil)
        #expect(fires(watch, "Pemain troops itu bergabung dengan tim yang baru dan akan bertanding di Jakarta.") == nil)
    }

    @Test func weightedTermsMustReachTheThreshold() {
        let watch = WatchDefinition(name: "w", severity: .medium, weights: ["pasukan": 2, "perbatasan": 1, "rudal": 3], threshold: 3)
        #expect(fires(watch, "Pasukan tiba di perbatasan.") != nil)           // 2 + 1
        #expect(fires(watch, "Pasukan tiba di kota.") == nil)                 // 2
        #expect(fires(watch, "Rudal diluncurkan pagi ini.")?.reasons.last == "weighted terms 3 ≥ 3")
    }

    @Test func eventConditionNeedsAFrameOfThatType() {
        let watch = WatchDefinition(name: "e", severity: .high, any: ["pasukan"], conditions: WatchConditions(event: .deployment))
        #expect(fires(watch, "Korea Utara mengirim pasukan ke Rusia.") != nil)
        #expect(fires(watch, "Pasukan Oranye membersihkan sungai di Jakarta.") == nil)
    }

    @Test func aListWithOnlyVetoesAndAConditionFiresWhenNoVetoIsThere() {
        // No phrase has to be found: the event decides, and `none` only vetoes.
        let watch = WatchDefinition(name: "d", severity: .high, none: ["latihan"], conditions: WatchConditions(event: .deployment))
        #expect(fires(watch, "Korea Utara mengirim 1.500 tentara ke Rusia.") != nil)
        #expect(fires(watch, "Korea Utara mengirim 1.500 tentara ke Rusia untuk latihan.") == nil)
        #expect(fires(watch, "Harga cabai naik di Jakarta.") == nil)
        // The daemon's stem-key test keeps every item for such a list.
        #expect(WatchMatcher(watches: [watch]).mayFire(Self.extractor.stemKeys("Harga cabai naik di Jakarta.")))
    }

    @Test func actorAndDestinationMustBelongToOneFrame() {
        let watch = WatchDefinition(name: "a", severity: .high,
                                    conditions: WatchConditions(event: .deployment, actors: ["North Korea"], destinations: ["Russia", "Ukraine"]))
        #expect(fires(watch, "Korea Utara mengirim 1.500 tentara ke Rusia.")?.frame?.count == 1500)
        #expect(fires(watch, "Rusia mengirim 1.500 tentara ke Korea Utara.") == nil)
        #expect(fires(watch, "Korea Utara mengirim 1.500 tentara ke Iran.") == nil)
    }

    @Test func minCountAndHedgedFilterFrames() {
        let big = WatchDefinition(name: "c", severity: .high, conditions: WatchConditions(event: .deployment, minCount: 1000))
        #expect(fires(big, "Rusia mengirim 3.000 tentara ke Belarus.") != nil)
        #expect(fires(big, "Rusia mengirim 300 tentara ke Belarus.") == nil)
        let firm = WatchDefinition(name: "h", severity: .high, conditions: WatchConditions(event: .deployment, hedged: false))
        #expect(fires(firm, "Rusia mengirim 3.000 tentara ke Belarus.") != nil)
        #expect(fires(firm, "Rusia diduga mengirim 3.000 tentara ke Belarus.") == nil)
    }

    @Test func entityAndLanguageConditions() {
        let watch = WatchDefinition(name: "x", severity: .low, any: ["rudal", "missile"], conditions: WatchConditions(entities: ["North Korea"], languages: [.indonesian]))
        #expect(fires(watch, "Korut kembali menguji rudal balistik pada hari Rabu.") != nil)
        #expect(fires(watch, "Iran kembali menguji rudal balistik pada hari Rabu.") == nil)
        #expect(fires(watch, "North Korea tested another missile on Wednesday, the military said.") == nil)
    }

    @Test func boostsRaiseSeverityAndSayWhy() throws {
        let watch = WatchDefinition(name: "b", severity: .medium, conditions: WatchConditions(event: .deployment),
                                    boosts: SeverityBoosts(countAtLeast: 5000, sourcesAtLeast: 2))
        let match = try #require(fires(watch, "Menurut Reuters, Rusia mengirim 10.000 tentara ke Belarus, dilansir dari AFP."))
        #expect(match.severity == .critical)
        #expect(match.reasons == ["base severity medium", "count 10000 ≥ 5000: +1 → high", "2 sources (AFP, Reuters) ≥ 2: +1 → critical"])
        let small = try #require(fires(watch, "Rusia mengirim 300 tentara ke Belarus."))
        #expect(small.severity == .medium)
    }

    @Test func feedScopesLimitWhichListsRun() {
        let watch = WatchDefinition(name: "scoped", severity: .low, any: ["pasukan"], feeds: ["antara"])
        #expect(fires(watch, "Pasukan tiba.", context: .init(feed: "antara")) != nil)
        #expect(fires(watch, "Pasukan tiba.", context: .init(feed: "tempo")) == nil)
        let open = WatchDefinition(name: "open", severity: .low, any: ["pasukan"])
        #expect(fires(open, "Pasukan tiba.", context: .init(feed: "tempo", allowedWatches: ["other"])) == nil)
    }

    @Test func explanationsSayWhatWasMissing() {
        let watches = [
            WatchDefinition(name: "veto", severity: .low, any: ["pasukan"], none: ["latihan"]),
            WatchDefinition(name: "all", severity: .low, any: ["pasukan"], all: ["rusia"]),
            WatchDefinition(name: "frame", severity: .low, any: ["pasukan"], conditions: WatchConditions(event: .escalation)),
            WatchDefinition(name: "ok", severity: .high, any: ["pasukan"]),
        ]
        let x = Self.extractor.extract("Pasukan mengikuti latihan di Natuna.")
        let reasons = Dictionary(uniqueKeysWithValues: WatchMatcher(watches: watches).explain(x).map { ($0.watch, $0) })
        #expect(reasons["veto"]?.reason == "vetoed by none phrase \"latihan\"")
        #expect(reasons["all"]?.reason == "all phrase \"rusia\" not found")
        #expect(reasons["frame"]?.reason == "no escalation frame")
        #expect(reasons["ok"]?.fired == true)
    }

    @Test func lazyRecognitionRunsOnlyForListsThatNeedIt() {
        let x = Self.extractor.analyse("Pasukan tiba di Natuna.")
        var calls = 0
        let plain = WatchMatcher(watches: [WatchDefinition(name: "p", severity: .low, any: ["pasukan"])])
        _ = plain.match(x) { calls += 1; return Self.extractor.recognize(in: x) }
        #expect(calls == 0)
        let conditional = WatchMatcher(watches: [WatchDefinition(name: "c", severity: .low, any: ["pasukan"], conditions: WatchConditions(event: .deployment)),
                                                 WatchDefinition(name: "d", severity: .low, any: ["tiba"], conditions: WatchConditions(entities: ["Natuna"]))])
        _ = conditional.match(x) { calls += 1; return Self.extractor.recognize(in: x) }
        #expect(calls == 1)
    }
}
