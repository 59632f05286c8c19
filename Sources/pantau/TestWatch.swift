import ArgumentParser
import Foundation
import PantauConfig
import PantauExtractor
import PantauWatch

/// `pantau test-watch`: run the configured watch lists on one document and say which fired,
/// why, and what kept the others from firing.
struct TestWatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-watch",
        abstract: "Run the watch lists on one document and explain which fired and which did not."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: "Document language: auto, id or en.")
    var lang: LanguageChoice = .auto

    @Option(help: ArgumentHelp("The item's title, analysed before the text (and matched as the title field).", valueName: "TEXT"))
    var title: String?

    @Option(help: ArgumentHelp("Apply the watch lists as for this feed (feed scopes).", valueName: "NAME"))
    var feed: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    @Argument(help: ArgumentHelp("The text file to read; - or nothing reads standard input.", valueName: "FILE"))
    var file: String?

    func run() throws {
        let configuration = try options.load()
        var text = String(decoding: try readInput(file), as: UTF8.self)
        var titleSentences = 0
        let extractor = Extractor(extraRoots: configuration.watches.flatMap(\.roots))
        if let title, !title.isEmpty {
            text = title + "\n" + text
            titleSentences = extractor.splitter.split(title).count
        }
        let own = extractor.extract(text, language: lang.language)
        let matcher = WatchMatcher(watches: configuration.watches, morphology: extractor.morphology)
        var allowed: Set<String>?
        if let feed {
            guard let config = configuration.feeds.first(where: { $0.name == feed }) else {
                printError("no feed named \"\(feed)\"; the feeds are: \(configuration.feeds.map(\.name).joined(separator: ", "))")
                throw ExitCode(1)
            }
            allowed = config.watches.isEmpty ? nil : Set(config.watches)
        }
        let context = WatchMatcher.Context(feed: feed, allowedWatches: allowed, titleSentences: titleSentences)
        // As the daemon does: a text whose language cannot be told also gets its Indonesian and
        // English readings.
        let (extraction, found) = WatchMatcher.firstFiringReading(
            own: own, configured: lang.language, read: { extractor.extract(text, language: $0) }, match: { matcher.match($0, context: context) })
        let verdicts = matcher.explain(extraction, context: context)
        let matches = Dictionary(uniqueKeysWithValues: found.map { ($0.watch, $0) })
        if json {
            struct Out: Encodable {
                var watch: String
                var fired: Bool
                var severity: String?
                var reason: String
                var terms: [String]
                var evidence: String?
            }
            try printJSON(verdicts.map { v in
                let m = matches[v.watch]
                return Out(watch: v.watch, fired: v.fired, severity: m?.severity.rawValue, reason: v.reason, terms: m?.terms ?? [], evidence: m?.evidence)
            })
            return
        }
        let readAs = extraction.language == own.language ? "" : " (could not tell: read as \(extraction.language.rawValue))"
        print("language \(own.language.rawValue)\(readAs), \(extraction.sentences.count) sentence(s), \(extraction.events.count) event frame(s)")
        for v in verdicts {
            if let m = matches[v.watch], v.fired {
                print("FIRED  \(v.watch) [\(m.severity.rawValue)] \(v.reason)")
                print("       terms: \(m.terms.joined(separator: ", "))")
                print("       evidence: \(m.evidence)")
            } else {
                print("no     \(v.watch): \(v.reason)")
            }
        }
    }
}
