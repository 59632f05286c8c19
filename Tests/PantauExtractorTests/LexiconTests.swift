import Testing
@testable import PantauExtractor

/// Reading the word lists and the gazetteer compiled in from `Resources/`.
@Suite struct LexiconTests {
    @Test func readsResourceLinesWithoutCommentsBlankLinesOrSurroundingSpace() {
        let resource = "# heading\n\n  kirim pasukan \t\nJérôme Powell | person # a note\r\n   # indented comment\nlast"
        #expect(Lexicon.lines(Array(resource.utf8)) == ["kirim pasukan", "Jérôme Powell | person", "last"])
    }

    @Test func readsAResourceThatEndsWithANewline() {
        #expect(Lexicon.lines(Array("one\ntwo\n".utf8)) == ["one", "two"])
        #expect(Lexicon.lines([]).isEmpty)
    }

    @Test(arguments: [
        ("AS", true),               // three capitals or fewer: must appear in capitals
        ("NIS", true),
        ("U.N.", true),             // letters only are counted
        ("Amerika Serikat", false),
        ("Aceh", false),            // four letters
        ("Ab", false),              // not all capitals
        ("ÉU", true),               // beyond ASCII too
        ("Éu", false),
    ])
    func aShortAliasInCapitalsMustAppearInCapitals(alias: String, caseSensitive: Bool) throws {
        let gazetteer = Gazetteer(Array("Somewhere | country | \(alias)\n".utf8))
        let first = try #require(WordSplitter.words(in: alias).first)
        let entry = try #require(gazetteer.aliases[first]?.first)
        #expect(entry.caseSensitive == caseSensitive)
    }

    @Test func splitsFieldsOnAByteKeepingEmptyOnes() {
        let line: Substring = "Jérôme Powell | person || role=chair"
        #expect(line.fields(separatedBy: UInt8(ascii: "|")) == ["Jérôme Powell ", " person ", "", " role=chair"])
        #expect(Substring("").fields(separatedBy: UInt8(ascii: ";")) == [""])
        #expect(Substring(";a;").fields(separatedBy: UInt8(ascii: ";")) == ["", "a", ""])
    }

    @Test func readsAnEntrysAttributesAndIgnoresMalformedOnes() {
        let gazetteer = Gazetteer(Array("Budi | person | | role = Defence Minister; of=; =Indonesia; note\nCairo | capital | Kairo | of=Egypt\n".utf8))
        #expect(gazetteer.entries.map(\.role) == ["Defence Minister", nil])
        #expect(gazetteer.entries.map(\.of) == [nil, "Egypt"])
        #expect(gazetteer.canonicalName(for: "Kairo") == "Cairo")
    }

    @Test func anAliasKeepsItsLanguageAndTheEntryItsAttributes() throws {
        let gazetteer = Gazetteer(Array("Moscow | capital | id:Moskow; en:Kremlin | of=Russia # a comment\n".utf8))
        let moskow = try #require(gazetteer.aliases["moskow"]?.first)
        #expect(moskow.language == .indonesian)
        #expect(gazetteer.aliases["kremlin"]?.first?.language == .english)
        #expect(gazetteer.entries.first?.of == "Russia")
        #expect(gazetteer.canonicalName(for: "MOSKOW") == "Moscow")
    }
}
