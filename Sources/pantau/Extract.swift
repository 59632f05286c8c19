import ArgumentParser
import Foundation
import PantauConfig
import PantauExtractor
import PantauFeeds
import PantauWatch

/// `pantau extract`: run the extractor and the watch lists on one document.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the extractor and the watch lists on one document and print JSON.",
        discussion: "Watch lists come from the configuration; when no configuration is named and the default one does not exist, only the extraction is printed."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Document language: auto, id or en.")
    var lang: LanguageChoice = .auto

    @Option(help: ArgumentHelp("Publication date of the document (RFC 3339 or RFC 822), for resolving relative dates.", valueName: "DATE"))
    var published: String?

    @Option(help: ArgumentHelp("The item's title, analysed before the text as its first sentence.", valueName: "TEXT"))
    var title: String?

    @Argument(help: ArgumentHelp("The text file to read; - or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    /// The JSON printed by `pantau extract` (documented in docs/extract.md).
    struct Output: Encodable {
        struct MatchOut: Encodable {
            var watch: String
            var severity: String
            var terms: [String]
            var evidence: String
        }
        var language: String
        var language_confidence: Double
        var published: String?
        var sentences: Int
        var tokens: Int
        var entities: [Entity]
        var quantities: [Quantity]
        var dates: [DateMention]
        var quotes: [Quote]
        var sources: [Attribution]
        var events: [EventFrame]
        var matches: [MatchOut]
    }

    func validate() throws {
        if let published, Self.civilDate(published) == nil {
            throw ValidationError("--published \(published): expected a date such as 2024-10-24, 2024-10-24T08:00:00Z or Thu, 24 Oct 2024 08:00:00 +0700")
        }
    }

    /// The publication day of an RFC 3339 or RFC 822 date (UTC), or of a bare `YYYY-MM-DD`.
    static func civilDate(_ text: String) -> CivilDate? {
        if text.count == 10, let day = CivilDate(iso: text) { return day }
        guard let date = FeedDate.parse(text) else { return nil }
        return CivilDate(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    func run() throws {
        var text = String(decoding: try readInput(file), as: UTF8.self)
        if let title, !title.isEmpty { text = title + "\n" + text }
        var watches: [WatchDefinition] = []
        if options.isExplicit || FileManager.default.fileExists(atPath: options.path) {
            watches = try options.load().watches
        }
        let published = published.flatMap(Self.civilDate)
        let extractor = Extractor(extraRoots: watches.flatMap(\.roots))
        let matcher = WatchMatcher(watches: watches, morphology: extractor.morphology)
        // As the daemon does: a text whose language cannot be told also gets its Indonesian and
        // English readings, and the one a watch list fires on is shown.
        let (extraction, matches) = WatchMatcher.firstFiringReading(
            own: extractor.extract(text, language: lang.language, published: published), configured: lang.language,
            read: { extractor.extract(text, language: $0, published: published) }, match: { matcher.match($0) })
        try printJSON(Output(
            language: extraction.language.rawValue,
            language_confidence: extraction.languageConfidence,
            published: published?.description,
            sentences: extraction.sentences.count,
            tokens: extraction.tokens.count,
            entities: extraction.entities,
            quantities: extraction.quantities,
            dates: extraction.dates,
            quotes: extraction.quotes,
            sources: extraction.attributions,
            events: extraction.events,
            matches: matches.map { .init(watch: $0.watch, severity: $0.severity.rawValue, terms: $0.terms, evidence: $0.evidence) }
        ))
    }
}
