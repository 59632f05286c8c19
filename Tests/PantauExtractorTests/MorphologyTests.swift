import Testing
@testable import PantauExtractor

@Suite struct MorphologyTests {
    let id = IndonesianStemmer()
    let en = EnglishStemmer()

    @Test(arguments: [
        ("mengirim", "kirim"), ("mengirimkan", "kirim"), ("pengiriman", "kirim"), ("dikirim", "kirim"),
        ("dikirimkan", "kirim"), ("kiriman", "kirim"), ("menempatkan", "tempat"), ("penempatan", "tempat"),
        ("ditempatkan", "tempat"), ("pengerahan", "kerah"), ("mengerahkan", "kerah"), ("dikerahkan", "kerah"),
        ("memperburuk", "buruk"), ("mempersiapkan", "siap"), ("persiapan", "siap"), ("bersiap", "siap"),
        ("menyerang", "serang"), ("serangan", "serang"), ("terlibat", "libat"), ("kerugian", "rugi"),
        ("pasukannya", "pasukan"), ("militernya", "militer"), ("diangkut", "angkut"), ("menuduh", "tuduh"),
        ("menyebutkan", "sebut"), ("membicarakannya", "bicara"), ("mendukung", "dukung"), ("dukungan", "dukung"),
        ("melatih", "latih"), ("memukul", "pukul"), ("menggunakan", "guna"), ("ketujuh", "tujuh"),
        ("diperkuat", "kuat"), ("berperang", "perang"), ("menyatakan", "nyata"), ("kirimlah", "kirim"),
    ])
    func indonesianAffixesReachTheRoot(word: String, root: String) {
        #expect(id.stem(word) == root)
    }

    @Test(arguments: [
        // Roots that look affixed stay whole: the lexicon decides.
        "pasukan", "perang", "berita", "pesawat", "perangkat", "pemerintah", "berangkat", "tentara",
        // Unknown words are not guessed at.
        "mengkudu", "pelangi",
    ])
    func lexiconRootsAndUnknownWordsKeepTheirForm(word: String) {
        #expect(id.stem(word) == word)
    }

    @Test func unrelatedWordsDoNotConflate() {
        #expect(id.stem("perangkat") != id.stem("angkat"))
        #expect(id.stem("berangkat") != id.stem("angkat"))
        #expect(id.stem("pemerintah") != id.stem("perintah"))
        #expect(en.stem("escalator") != en.stem("escalation"))
        #expect(en.stem("news") != en.stem("new"))
        #expect(en.stem("arms") != en.stem("arm"))
    }

    @Test(arguments: [
        ("deploys", "deploy"), ("deployed", "deploy"), ("deploying", "deploy"), ("deployment", "deploy"),
        ("deployments", "deploy"), ("escalating", "escalate"), ("escalation", "escalate"), ("escalated", "escalate"),
        ("troops", "troop"), ("armies", "army"), ("allied", "ally"), ("stopped", "stop"), ("sent", "send"),
        ("mobilization", "mobilize"), ("mobilised", "mobilize"), ("forces", "force"), ("sending", "send"),
    ])
    func englishInflectionsShareAStem(word: String, base: String) {
        #expect(en.stem(word) == en.stem(base))
    }

    @Test func passiveNeedsAPrefixThatWasRemoved() {
        let m = Morphology()
        #expect(m.isPassive("dikirim", stem: "kirim", language: .indonesian))
        #expect(!m.isPassive("diplomat", stem: "diplomat", language: .indonesian))
    }

    @Test func extraRootsExtendTheLexicon() {
        #expect(IndonesianStemmer().stem("membajak") == "membajak")
        #expect(IndonesianStemmer(extraRoots: ["bajak"]).stem("membajak") == "bajak")
    }

    @Test func reduplicationGivesTheSameStemTwice() {
        let tokens = Extractor().extract("Tentara-tentara itu dikirim.", language: .indonesian).tokens
        #expect(tokens[0].stem == "tentara" && tokens[1].stem == "tentara")
    }
}
