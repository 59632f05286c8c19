import Testing
@testable import PantauExtractor

let sharedExtractor = Extractor()

@Suite struct EntityRecognitionTests {
    @Test(arguments: [
        ("Korut kembali menguji rudal balistik.", "North Korea"),
        ("Pyongyang says the DPRK will respond.", "North Korea"),
        ("Pejabat AS tiba di Jakarta kemarin.", "United States"),
        ("The U.S. Navy sent a carrier.", "United States"),
        ("Sekjen PBB menyerukan gencatan senjata.", "United Nations"),
        ("Menteri luar negeri Uni Eropa bertemu di Brussel.", "European Union"),
        ("Kremlin denied the report on Monday.", "Kremlin"),
        ("Prajurit TNI berjaga di perbatasan.", "Indonesian National Armed Forces"),
    ])
    func aliasesResolveToCanonicalNames(text: String, name: String) {
        #expect(sharedExtractor.extract(text).entities.map(\.name).contains(name))
    }

    @Test(arguments: [
        // Hard negatives: words that only look like names.
        "He said that as a rule they stay.", "We asked us to wait.", "A turkey and a chad were sold.",
        "kami mencoba cuba lagi", "The who and the what.",
    ])
    func commonWordsAreNotEntities(text: String) {
        #expect(sharedExtractor.extract(text, language: .english).entities.isEmpty)
    }

    @Test func everyUNMemberAndTheFourOthersIsKnown() {
        let countries = Gazetteer.standard.entries.filter { $0.type == .country }.map(\.name)
        #expect(countries.count == 197)
        #expect(Set(countries).count == countries.count)
        for name in ["Taiwan", "Kosovo", "Palestine", "Vatican City", "Tuvalu", "North Korea"] { #expect(countries.contains(name)) }
    }

    @Test func metonymsStandForTheirCountry() {
        let x = sharedExtractor.extract("Moskow dan Washington saling menuduh.")
        #expect(x.entities.map(\.actorName) == ["Russia", "United States"])
    }

    @Test(arguments: [
        ("Juru bicara NATO, Farah Dakhlallah, menegaskan hal itu. Farah menambahkan bahwa aliansi siaga.", "Farah Dakhlallah", "Spokesperson", "NATO"),
        ("NATO spokesperson Farah Dakhlallah said the alliance had evidence. Dakhlallah declined to comment.", "Farah Dakhlallah", "Spokesperson", "NATO"),
        ("Menteri Pertahanan Australia Richard Marles tiba di Jakarta.", "Richard Marles", "Defence Minister", "Australia"),
    ])
    func peopleFoundByRoleCuesAndLaterMentions(text: String, name: String, role: String, affiliation: String) {
        let person = sharedExtractor.extract(text).entities.first { $0.type == .person }
        #expect(person?.name == name)
        #expect(person?.role == role)
        #expect(person?.affiliation == affiliation)
        #expect(person?.mentions.count == 2 || text.contains("Marles"))
    }
}

@Suite struct QuantityRecognitionTests {
    @Test(arguments: [
        ("Sebanyak 1.500 tentara dikirim.", Language.indonesian, 1500.0, "troops", false),
        ("Mereka menyiapkan 10 ribu tentara.", .indonesian, 10000, "troops", false),
        ("Tujuh kapal berlayar.", .indonesian, 7, "ships", false),
        ("Anggaran naik 1,5 juta dolar.", .indonesian, 1_500_000, "dolar", false),
        ("Ribuan tentara berkumpul.", .indonesian, 1000, "troops", true),
        ("Some 1,500 troops arrived.", .english, 1500, "troops", true),
        ("Ten thousand soldiers marched.", .english, 10000, "troops", false),
        ("Several thousand troops massed at the border.", .english, 2000, "troops", true),
        ("It sent 1.5 million rounds.", .english, 1_500_000, "rounds", false),
        ("Dua puluh lima pesawat tempur terbang.", .indonesian, 25, "fighter jets", false),
    ])
    func countsAndWhatTheyCount(text: String, language: Language, value: Double, unit: String, approximate: Bool) {
        let q = sharedExtractor.extract(text, language: language).quantities
        #expect(q.count == 1)
        #expect(q.first?.value == value)
        #expect(q.first?.unit == unit)
        #expect(q.first?.approximate == approximate)
    }

    @Test(arguments: [
        "Pada tahun 2024 situasi memanas.", "Rapat pada Rabu (23/10) pukul 10.00 WIB.", "On 17 October 2024 the talks ended.",
        "Satu-satunya jalan adalah dialog.", "One of the officials left.",
    ])
    func yearsDatesAndIdiomsAreNotCounts(text: String) {
        #expect(sharedExtractor.extract(text).quantities.isEmpty)
    }

    /// A double overflows past about 309 digits: such a number (or a run of scale words) is no
    /// count, and must not reach an alert as `inf`; the sentence's other counts still do.
    @Test(arguments: [
        "Sebanyak " + String(repeating: "9", count: 400) + " tentara dikirim bersama tujuh kapal.",
        "Sebanyak 1" + String(repeating: ".000", count: 120) + " tentara dikirim bersama tujuh kapal.",
        "Sebanyak 10" + String(repeating: " juta", count: 60) + " tentara dikirim bersama tujuh kapal.",
        "Sebanyak 1," + String(repeating: "5", count: 400) + " tentara dikirim bersama tujuh kapal.",
    ])
    func numbersPastWhatADoubleHoldsAreNotCounts(text: String) {
        let quantities = sharedExtractor.extract(text, language: .indonesian).quantities
        #expect(quantities.allSatisfy { $0.value.isFinite })
        #expect(quantities.contains { $0.value == 7 && $0.unit == "ships" })
    }
}

@Suite struct DateRecognitionTests {
    let published = CivilDate(year: 2024, month: 10, day: 24)! // a Thursday

    @Test(arguments: [
        ("Pernyataan dirilis pada Rabu (23/10).", "Rabu (23/10)", "2024-10-23", "2024-10-23"),
        ("Sidang digelar 17 Oktober 2024.", "17 Oktober 2024", "2024-10-17", "2024-10-17"),
        ("Kapal tiba pada awal Oktober.", "awal Oktober", "2024-10-01", "2024-10-10"),
        ("The ministry said on Oct. 17 that talks failed.", "Oct. 17", "2024-10-17", "2024-10-17"),
        ("The ministry spoke on Tuesday.", "Tuesday", "2024-10-22", "2024-10-22"),
        ("Talks ended October 17, 2024.", "October 17, 2024", "2024-10-17", "2024-10-17"),
        ("Latihan berlangsung akhir Desember.", "akhir Desember", "2023-12-21", "2023-12-31"),
        ("Troops moved in mid-October.", "mid-October", "2024-10-11", "2024-10-20"),
        ("Kemarin rapat ditunda.", "Kemarin", "2024-10-23", "2024-10-23"),
    ])
    func datesResolveAgainstPublication(text: String, surface: String, start: String, end: String) {
        let d = sharedExtractor.extract(text, published: published).dates
        #expect(d.count == 1)
        #expect(d.first?.text == surface)
        #expect(d.first?.start?.description == start)
        #expect(d.first?.end?.description == end)
    }

    @Test func withoutPublicationDateAYearlessDateStaysUnresolved() {
        let d = sharedExtractor.extract("Rapat digelar Jumat (18/10).").dates
        #expect(d.first?.text == "Jumat (18/10)")
        #expect(d.first?.start == nil)
    }

    /// The daemon asks for no dates: the other recognizers' results stay as they were.
    @Test func recognizingWithoutDatesLeavesOnlyTheDatesOut() {
        let text = "Pada Rabu (23/10) Korea Utara mengirimkan 1.500 tentara ke Rusia, kata Menteri Pertahanan."
        let analysed = sharedExtractor.analyse(text)
        let all = sharedExtractor.recognize(in: analysed, published: published)
        let some = sharedExtractor.recognize(in: analysed, published: published, dates: false)
        #expect(all.dates.map(\.text) == ["Rabu (23/10)"])
        #expect(some.dates.isEmpty)
        #expect(some.entities == all.entities && !all.entities.isEmpty)
        #expect(some.quantities == all.quantities && !all.quantities.isEmpty)
        #expect(some.events == all.events && some.attributions == all.attributions && some.quotes == all.quotes)
    }

    @Test func civilDateArithmetic() {
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(published.weekday == 4)
        #expect(CivilDate(year: 2024, month: 2, day: 30) == nil)
        #expect(CivilDate(year: 2024, month: 3, day: 1)!.adding(days: -1).description == "2024-02-29")
    }
}

@Suite struct QuoteAndSourceTests {
    @Test(arguments: [
        ("“Kami siap siaga penuh di perbatasan,” kata Prabowo.", "Prabowo Subianto"),
        ("\"We will not be intimidated by this,\" said Rutte.", "Mark Rutte"),
        ("Zelensky said: \"The situation is urgent and we need help.\"", "Volodymyr Zelensky"),
        ("“Situasi sangat mendesak sekarang,” tambah NIS dalam keterangan resmi.", "National Intelligence Service"),
    ])
    func quotesGetTheirSpeaker(text: String, speaker: String) {
        #expect(sharedExtractor.extract(text).quotes.first?.speaker == speaker)
    }

    @Test func pronounSpeakerIsThePreviousOne() {
        let text = "“Kami tahu apa yang terjadi,” kata Zelensky. “Ini situasi yang mendesak sekali,” imbuhnya."
        #expect(sharedExtractor.extract(text).quotes.map(\.speaker) == ["Volodymyr Zelensky", "Volodymyr Zelensky"])
    }

    @Test(arguments: [
        ("Hal itu disampaikan pada Rabu, dilansir dari AFP.", "AFP"),
        ("Menurut Reuters, kapal itu berlayar ke utara.", "Reuters"),
        ("The troops crossed the border, according to Yonhap.", "Yonhap"),
        ("Reuters reported that the ships left port.", "Reuters"),
        ("Seperti dikutip dari kantor berita Antara, pasukan tiba.", "Antara"),
    ])
    func mediaAttributions(text: String, source: String) {
        #expect(sharedExtractor.extract(text).attributions.map(\.name) == [source])
    }
}
