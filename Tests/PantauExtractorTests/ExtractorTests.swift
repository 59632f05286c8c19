import PantauTestSupport
import Testing
@testable import PantauExtractor

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("Eskalasi", "eskalasi"), ("ÉSKALASI", "eskalasi"), ("Zelenskyy", "zelenskyy"),
        ("Brüssel", "brussel"), ("São", "sao"), ("Ñandú", "nandu"), ("e\u{301}", "e"), ("kirim", "kirim"),
    ])
    func foldsCaseAndAccents(input: String, expected: String) {
        #expect(TextFolding.fold(input) == expected)
    }
}

@Suite struct TokenizerTests {
    /// The eight-bytes-at-a-time word start gives what reading byte by byte gives: every byte
    /// value in every position after a run of letters, digits and capitals, then random words.
    @Test func theWordAtATimePrefixReadsAsTheByteLoopDoes() {
        func reference(_ word: UInt64) -> (UInt64, Int) {
            var lowered: UInt64 = 0
            for k in 0..<8 {
                let b = UInt8(truncatingIfNeeded: word >> (8 * UInt64(k)))
                let isWord = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                guard isWord else { return (lowered, k) }
                lowered |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << (8 * UInt64(k))
            }
            return (lowered, 8)
        }
        let base: [UInt8] = [0x41, 0x7A, 0x30, 0x39, 0x5A, 0x61, 0x4D, 0x35]
        for position in 0..<8 {
            for value in 0...255 {
                var bytes = base
                bytes[position] = UInt8(value)
                let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                let (lowered, length) = Tokenizer.wordPrefix(word)
                let expected = reference(word)
                #expect(lowered == expected.0 && length == expected.1, "byte \(value) at \(position)")
            }
        }
        var random = SeededRandom(state: 17)
        for _ in 0..<20_000 {
            let word = random.next()
            let (lowered, length) = Tokenizer.wordPrefix(word)
            let expected = reference(word)
            #expect(lowered == expected.0 && length == expected.1)
        }
    }

    @Test func splitsOnPunctuationAndKeepsByteOffsets() {
        let text = "Negara-negara “NATO”: 1.500 tentara"
        let ranges = Tokenizer().wordRanges(in: text)
        let words = ranges.map { r in String(decoding: Array(text.utf8)[r], as: UTF8.self) }
        #expect(words == ["Negara", "negara", "NATO", "1", "500", "tentara"])
    }

    /// The analyser's one-pass scan finds the same words as ``Tokenizer/wordRanges(in:)`` and
    /// the same memo keys as packing each word afterwards did, for random mixes of short,
    /// long, accented, non-Latin and digit words and every kind of separator.
    @Test func scanningAndPackingInOnePassMatchesTheTwoPasses() {
        let pieces = ["kirim", "PASUKAN", "Tentara", "1.500", "mengirimkan", "internasionalisasinya", "abcdefghijklmnop",
                      "Jakarta", "tentara1", "pasukanKu", "abcdefghijklmnO", "AZaz09", "@", "[", "`", "{", "/", ":", "\u{7F}",
                      "abcdefghijklmnopq", "São", "Brüssel", "e\u{301}", "日本", "Зеленский", "٣", "—", "“", "-", " ", " ", "\n",
                      ",", ".", "x", "Z9", "\u{1F600}", "a\u{300}b"]
        var random = SeededRandom(state: 42)
        for _ in 0..<20_000 {
            // Half the texts get a tail, so that their words are read eight bytes at a time.
            let text = (0..<Int.random(in: 0...24, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
                + (Bool.random(using: &random) ? String(repeating: " ", count: 16) : "")
            let expectedRanges = Tokenizer().wordRanges(in: text)
            var utf8 = text
            utf8.withUTF8 { bytes in
                let expectedKeys = expectedRanges.map { range -> PackedWord in
                    let slice = UnsafeBufferPointer(rebasing: bytes[range])
                    return PackedWord.ascii(slice) ?? PackedWord(hash: stemKey(TextFolding.fold(utf8: slice)))
                }
                let (ranges, keys) = Tokenizer().scan(bytes) { _, slice in
                    PackedWord.ascii(slice) ?? PackedWord(hash: stemKey(TextFolding.fold(utf8: slice)))
                }
                #expect(ranges == expectedRanges, "\(text)")
                #expect(keys.map(\.hash) == expectedKeys.map(\.hash), "\(text)")
                #expect(keys.map(\.length) == expectedKeys.map(\.length), "\(text)")
                #expect(keys.map(\.a) == expectedKeys.map(\.a) && keys.map(\.b) == expectedKeys.map(\.b), "\(text)")
            }
        }
    }
}

@Suite struct SentenceSplitterTests {
    let splitter = SentenceSplitter()

    /// The eight-bytes-at-a-time skip looks at exactly the bytes the byte loop would stop
    /// at: every byte value in every position, then random words.
    @Test func theWordAtATimeSkipStopsAtEveryByteThatMatters() {
        func matters(_ byte: UInt8) -> Bool { [0x2E, 0x21, 0x3F, 0x0A, 0x0D].contains(byte) || byte >= 0x80 }
        for position in 0..<8 {
            for value in 0...255 {
                let word = UInt64(0x61_61_61_61_61_61_61_61) & ~(UInt64(0xFF) << (8 * UInt64(position))) | UInt64(value) << (8 * UInt64(position))
                #expect(SentenceSplitter.mayMatter(word) == matters(UInt8(value)), "byte \(value) at \(position)")
            }
        }
        var random = SeededRandom(state: 8)
        for _ in 0..<50_000 {
            // Mostly ASCII text bytes, sometimes a stop or a high byte.
            let bytes = (0..<8).map { _ in UInt8.random(in: 0...10, using: &random) == 0 ? UInt8.random(in: 0...255, using: &random) : UInt8.random(in: 0x20...0x7E, using: &random) }
            let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
            #expect(SentenceSplitter.mayMatter(word) == bytes.contains(where: matters))
        }
    }

    @Test func splitsAtPeriodsFollowedByCapitals() {
        let sentences = splitter.split("Korea Utara mengirim pasukan. NATO menegaskan hal itu. Rusia membantah.")
        #expect(sentences.map(\.text) == ["Korea Utara mengirim pasukan.", "NATO menegaskan hal itu.", "Rusia membantah."])
    }

    @Test func lineBreaksEndSentencesSoHeadingsStandAlone() {
        let sentences = splitter.split("Pernyataan NATO\nAliansi telah mengonfirmasi bukti.")
        #expect(sentences.map(\.text) == ["Pernyataan NATO", "Aliansi telah mengonfirmasi bukti."])
    }

    @Test func abbreviationsDoNotEndSentences() {
        let sentences = splitter.split("Kantor di Jl. Sudirman No. 5 dijaga ketat. The U.S. Army said so. Dr. Lee agreed.")
        #expect(sentences.map(\.text) == ["Kantor di Jl. Sudirman No. 5 dijaga ketat.", "The U.S. Army said so.", "Dr. Lee agreed."])
    }

    @Test func customAbbreviationsAreHonouredAfterChanges() {
        var custom = SentenceSplitter(abbreviations: ["kpt", "prib"])  // folded: "přib." matches "prib"
        #expect(custom.split("Ia Kpt. Budi. Lalu přib. Dua.").map(\.text) == ["Ia Kpt. Budi.", "Lalu přib. Dua."])
        #expect(custom.split("Ia KPT. Budi.").count == 1)
        #expect(custom.split("Ia Dr. Budi.").count == 2)
        custom.abbreviations.insert("dr")
        custom.abbreviations.remove("kpt")
        #expect(custom.split("Ia Dr. Budi.").count == 1)
        #expect(custom.split("Ia Kpt. Budi.").count == 2)
    }

    @Test(arguments: [
        ("JAKARTA – Korea Utara mengirim pasukan ke Rusia.", "JAKARTA –"),
        ("BRUSSELS (Reuters) — NATO said on Wednesday it had evidence.", "BRUSSELS (Reuters) —"),
        ("JAKARTA, KOMPAS.com - Presiden Prabowo tiba di Brasil.", "JAKARTA, KOMPAS.com -"),
    ])
    func datelinesStandApartFromTheFirstSentence(text: String, dateline: String) {
        let sentences = splitter.split(text)
        #expect(sentences.count == 2)
        #expect(sentences.first?.text == dateline)
    }

    @Test func capitalisedOpeningsWithoutADashAreNotDatelines() {
        #expect(splitter.split("NATO dan PBB bertemu. Hasilnya belum jelas.").first?.text == "NATO dan PBB bertemu.")
        #expect(splitter.split("KTT NATO - yang digelar di Brussel - berakhir.").count == 1)
    }

    @Test func closingQuoteStaysWithItsSentence() {
        let sentences = splitter.split("“Ini situasi mendesak.” Zelensky berkata begitu.")
        #expect(sentences.map(\.text) == ["“Ini situasi mendesak.”", "Zelensky berkata begitu."])
    }

    @Test func decimalsAndLowercaseContinuationsDoNotSplit() {
        let sentences = splitter.split("Harga naik 1.5 persen. lalu turun lagi")
        #expect(sentences.count == 1)
    }

    @Test func rangesPointIntoTheInput() {
        let text = "  Pertama.  Kedua di sini. "
        for sentence in splitter.split(text) {
            let bytes = Array(text.utf8)[sentence.range]
            #expect(String(decoding: bytes, as: UTF8.self) == sentence.text)
        }
    }
}

@Suite struct LanguageDetectorTests {
    let extractor = Extractor()

    @Test(arguments: [
        ("Korea Utara telah mengirimkan pasukan ke Rusia. Langkah ini dapat memperburuk konflik.", Language.indonesian),
        ("North Korea has sent troops to Russia. The move could worsen the conflict, NATO said.", Language.english),
        ("Dari informasi intelijen yang saya miliki, mereka sedang mempersiapkan tentara.", Language.indonesian),
        ("Putin und Kim trafen sich in Pjöngjang.", Language.other),
        ("", Language.other),
    ])
    func detectsLanguageOfShortTexts(text: String, expected: Language) {
        #expect(extractor.extract(text).language == expected)
    }

    @Test func givenLanguageOverridesDetection() {
        let extraction = extractor.extract("The troops arrived.", language: .indonesian)
        #expect(extraction.language == .indonesian)
        #expect(extraction.languageConfidence == 1)
    }
}

@Suite struct ExtractorTests {
    @Test func tokensCarryTheirSentenceAndFoldedForm() {
        let extraction = Extractor().extract("NATO Bicara.\nPasukan Tiba.")
        #expect(extraction.tokens.map(\.folded) == ["nato", "bicara", "pasukan", "tiba"])
        #expect(extraction.tokens.map(\.sentence) == [0, 0, 1, 1])
        #expect(extraction.surface(extraction.tokens[2].range) == "Pasukan")
    }
}

@Suite struct WordClassTests {
    /// Classes from every word list, from the one merged table.
    @Test(arguments: [
        ("yang", WordClass.indonesianFunction), ("the", [.englishFunction, .gazetteerFirst]), ("tujuh", .numberWord), ("ribu", .scale),
        ("puluhan", .plural), ("beberapa", .several), ("oktober", .month), ("rabu", .weekday), ("kemarin", .dayWord),
        ("pukul", .clock), ("sekitar", [.approximator, .indonesianFunction]), ("persen", .unitWord), ("1500", .digits),
        ("korea", .gazetteerFirst), ("pasukan", []),
    ] as [(String, WordClass)])
    func wordsGetTheClassesOfEveryListTheyAreIn(word: String, expected: WordClass) {
        #expect(WordClass.of(word, gazetteer: .standard) == expected)
    }
}
