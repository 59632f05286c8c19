import PantauExtractor
import Testing
@testable import PantauWatch

@Suite struct WatchMatcherTests {
    let extractor = Extractor()

    func fire(_ watches: [WatchDefinition], on text: String) -> [WatchMatch] {
        WatchMatcher(watches: watches).match(extractor.extract(text))
    }

    @Test func anyPhraseFiresCaseInsensitively() {
        let watch = WatchDefinition(name: "troops", severity: .high, any: ["mengirimkan pasukan"])
        let matches = fire([watch], on: "Korea Utara telah MENGIRIMKAN Pasukan ke Rusia.")
        #expect(matches.map(\.watch) == ["troops"])
        #expect(matches.first?.hits.first?.text == "MENGIRIMKAN Pasukan")
        #expect(matches.first?.severity == .high)
    }

    @Test func phrasesRespectWordBoundaries() {
        let watch = WatchDefinition(name: "war", severity: .low, any: ["war"])
        #expect(fire([watch], on: "The warship and the award were shown.").isEmpty)
        #expect(fire([watch], on: "The war began.").count == 1)
    }

    @Test func accentsFoldOnBothSides() {
        let watch = WatchDefinition(name: "e", severity: .low, any: ["escalade"])
        #expect(fire([watch], on: "Une escalade dangereuse.").count == 1)
        let accented = WatchDefinition(name: "e", severity: .low, any: ["éscalade"])
        #expect(fire([accented], on: "Une escalade dangereuse.").count == 1)
    }

    @Test func phraseWordsMustBeAdjacentAndInOneSentence() {
        let watch = WatchDefinition(name: "t", severity: .low, any: ["kirim pasukan"])
        #expect(fire([watch], on: "Mereka kirim 1.500 pasukan.").isEmpty)
        #expect(fire([watch], on: "Mereka akan kirim.\nPasukan siap.").isEmpty)
        #expect(fire([watch], on: "Mereka kirim pasukan.").count == 1)
    }

    @Test func allRequiresEveryPhrase() {
        let watch = WatchDefinition(name: "t", severity: .medium, all: ["korea utara", "rusia"])
        #expect(fire([watch], on: "Korea Utara menguji rudal.").isEmpty)
        #expect(fire([watch], on: "Korea Utara dan Rusia berunding.").count == 1)
    }

    @Test func noneVetoesAnAlert() {
        let watch = WatchDefinition(name: "t", severity: .medium, any: ["pengerahan pasukan"], none: ["latihan gabungan"])
        #expect(fire([watch], on: "Pengerahan pasukan untuk latihan gabungan di Natuna.").isEmpty)
        #expect(fire([watch], on: "Pengerahan pasukan ke perbatasan.").count == 1)
    }

    @Test func anyAndAllCombine() {
        let watch = WatchDefinition(name: "t", severity: .medium, any: ["tentara", "pasukan"], all: ["rusia"])
        #expect(fire([watch], on: "Tentara tiba di Rusia.").count == 1)
        #expect(fire([watch], on: "Tentara tiba di Ukraina.").isEmpty)
        #expect(fire([watch], on: "Diplomat tiba di Rusia.").isEmpty)
    }

    @Test func evidenceIsTheSentenceWithMostDistinctPhrases() {
        let watch = WatchDefinition(name: "t", severity: .medium, any: ["pasukan", "rusia", "kapal"])
        let match = fire([watch], on: "Pasukan bersiap.\nPasukan diangkut kapal Rusia.\nKapal kembali.").first
        #expect(match?.evidence == "Pasukan diangkut kapal Rusia.")
        #expect(match?.terms == ["pasukan", "kapal", "rusia"])
        #expect(match?.hits.count == 5)
    }

    @Test func eachWatchListIsJudgedOnItsOwn() {
        let a = WatchDefinition(name: "a", severity: .low, any: ["rudal"])
        let b = WatchDefinition(name: "b", severity: .critical, any: ["invasi"])
        let c = WatchDefinition(name: "c", severity: .high, any: ["kapal selam"])
        let matches = fire([a, b, c], on: "Invasi dimulai dengan serangan rudal.")
        #expect(matches.map(\.watch) == ["a", "b"])
    }

    @Test func phrasesWithoutWordsHaveNoWords() {
        #expect(WatchMatcher.words(in: " -- ").isEmpty)
        #expect(WatchMatcher.words(in: "Korea-Utara") == ["korea", "utara"])
    }
}

@Suite struct MorphologicalMatchingTests {
    let extractor = Extractor()

    func fires(_ phrase: String, on text: String) -> Bool {
        !WatchMatcher(watches: [WatchDefinition(name: "w", severity: .high, any: [phrase])]).match(extractor.extract(text)).isEmpty
    }

    @Test(arguments: [
        "Korea Utara telah mengirimkan pasukan ke Rusia.",
        "Pengiriman pasukan ke Rusia dikonfirmasi NATO.",
        "Korea Utara mengirim pasukan ke Rusia pekan lalu.",
        "Sebanyak itu pasukan tersebut dikirim ke Rusia.",
    ])
    func kirimPasukanMatchesEveryForm(text: String) {
        #expect(fires("kirim pasukan", on: text))
    }

    @Test(arguments: [
        ("deploy troops", "Russia deployed troops to the border."),
        ("deploy troops", "Russia is deploying troops near Kharkiv."),
        ("troop deployment", "Moscow announced new troop deployments in the north."),
        ("escalation", "Analysts warned the conflict was escalating quickly."),
        ("pengerahan pasukan", "Rusia mengerahkan pasukan ke perbatasan."),
    ])
    func phrasesMatchOtherFormsOfTheSameWords(phrase: String, text: String) {
        #expect(fires(phrase, on: text))
    }

    @Test(arguments: [
        ("kirim pasukan", "Pasukan kiriman itu ditolak."),           // word order without a passive verb
        ("escalation", "The escalator stopped working."),
        ("angkat senjata", "Perangkat senjata baru dipamerkan."),
        ("kirim pasukan", "Mereka mengirim surat kepada pasukan."),
    ])
    func unrelatedWordsAndOrdersDoNotMatch(phrase: String, text: String) {
        #expect(!fires(phrase, on: text))
    }
}
