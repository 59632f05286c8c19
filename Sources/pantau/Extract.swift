import ArgumentParser
import Foundation
import PantauConfig
import PantauExtractor
import PantauWatch

/// `pantau extract`: run the extractor and the watch lists on one document.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the extractor and the watch lists on one document and print JSON.",
        discussion: "Watch lists come from the configuration; when no configuration is named and the default one does not exist, only the extraction is printed."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Document language: auto, id or en.")
    var lang: String = "auto"

    @Option(help: ArgumentHelp("Publication date of the document (RFC 3339 or RFC 822), for resolving relative dates.", valueName: "DATE"))
    var published: String?

    @Argument(help: ArgumentHelp("The text file to read; - or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    struct Output: Encodable {
        struct SentenceOut: Encodable {
            var text: String
            var start: Int
            var end: Int
        }
        struct MatchOut: Encodable {
            var watch: String
            var severity: String
            var terms: [String]
            var evidence: String
        }
        var language: String
        var language_confidence: Double
        var published: String?
        var sentences: [SentenceOut]
        var tokens: Int
        var matches: [MatchOut]
    }

    func validate() throws {
        guard ["auto", "id", "en"].contains(lang) else { throw ValidationError("--lang must be auto, id or en") }
    }

    func run() throws {
        let text = String(decoding: try readInput(file), as: UTF8.self)
        var watches: [WatchDefinition] = []
        if options.isExplicit || FileManager.default.fileExists(atPath: options.path) {
            watches = try options.load().watches
        }
        let extraction = Extractor().extract(text, language: lang == "auto" ? nil : Language(rawValue: lang))
        let matches = WatchMatcher(watches: watches).match(extraction)
        try printJSON(Output(
            language: extraction.language.rawValue,
            language_confidence: extraction.languageConfidence,
            published: published,
            sentences: extraction.sentences.map { .init(text: $0.text, start: $0.range.lowerBound, end: $0.range.upperBound) },
            tokens: extraction.tokens.count,
            matches: matches.map { .init(watch: $0.watch, severity: $0.severity.rawValue, terms: $0.terms, evidence: $0.evidence) }
        ))
    }
}
