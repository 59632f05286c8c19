import ArgumentParser
import PantauConfig
import PantauExtractor
import PantauWatch

/// `pantau check-config`: validate the configuration and watch lists.
struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate the configuration and watch lists.",
        discussion: "Exits 0 when valid. Otherwise exits 1 and prints every problem as file:line:col: message. With --explain, shows how each phrase of the watch lists (or of one) is analysed and example word forms it matches."
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Show each phrase's analysed form and example surface forms it will match.")
    var explain = false

    @Argument(help: ArgumentHelp("With --explain: only this watch list.", valueName: "WATCH"))
    var watch: String?

    func validate() throws {
        if watch != nil && !explain { throw ValidationError("a watch list name is only used with --explain") }
    }

    func run() throws {
        let configuration = try options.load()
        print("\(configuration.configFile): ok (\(configuration.feeds.count) feed(s), \(configuration.watches.count) watch list(s) from \(configuration.watchFiles.count) file(s))")
        guard explain else { return }
        let lists = configuration.watches.filter { watch == nil || $0.name == watch }
        if let watch, lists.isEmpty {
            printError("no watch list named \"\(watch)\"; the lists are: \(configuration.watches.map(\.name).joined(separator: ", "))")
            throw ExitCode(1)
        }
        let morphology = Morphology(extraRoots: configuration.watches.flatMap(\.roots))
        for list in lists { print(Self.explanation(of: list, morphology: morphology)) }
    }

    /// The human-readable analysis of one watch list.
    static func explanation(of watch: WatchDefinition, morphology: Morphology) -> String {
        var lines = ["", "[\(watch.name)] severity \(watch.severity.rawValue)"]
        func describe(_ role: String, _ phrase: String) {
            let words = WatchMatcher.words(in: phrase)
            lines.append("  \(role) \"\(phrase)\"")
            for language in [Language.indonesian, .english] {
                let stems = words.map { morphology.stem($0, language: language) }
                let examples = words.compactMap { word -> String? in
                    let forms = morphology.surfaceForms(of: word, language: language, limit: 5)
                    return forms.isEmpty ? nil : "\(word): \(forms.joined(separator: ", "))"
                }
                let also = examples.isEmpty ? "" : "; also matches \(examples.joined(separator: "; "))"
                lines.append("      \(language.rawValue): stems [\(stems.joined(separator: " "))]\(also)")
            }
        }
        for phrase in watch.any { describe("any ", phrase) }
        for (language, list) in watch.anyByLanguage.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            for phrase in list { describe("any_\(language.rawValue)", phrase) }
        }
        for phrase in watch.all { describe("all ", phrase) }
        for phrase in watch.none { describe("none", phrase) }
        for rule in watch.near { lines.append("  near \(rule.text) (any order, within \(rule.distance) words, one sentence)") }
        for (term, weight) in watch.weights.sorted(by: { $0.key < $1.key }) { describe("weight \(weight)", term) }
        if let threshold = watch.threshold { lines.append("  threshold \(threshold)") }
        if watch.sameSentence { lines.append("  all matches in one sentence") }
        if watch.fields != Set(WatchDefinition.Field.allCases) { lines.append("  only in: \(watch.fields.map(\.rawValue).sorted().joined(separator: ", "))") }
        let c = watch.conditions
        var conditions: [String] = []
        if let event = c.event { conditions.append("event = \(event.rawValue)") }
        if !c.actors.isEmpty { conditions.append("actor in \(c.actors)") }
        if !c.destinations.isEmpty { conditions.append("destination in \(c.destinations)") }
        if let n = c.minCount { conditions.append("count ≥ \(n)") }
        if let h = c.hedged { conditions.append("hedged = \(h)") }
        if !c.entities.isEmpty { conditions.append("mentions one of \(c.entities)") }
        if !c.languages.isEmpty { conditions.append("language in \(c.languages.map(\.rawValue))") }
        if !conditions.isEmpty { lines.append("  conditions: \(conditions.joined(separator: "; "))") }
        if let n = watch.boosts.countAtLeast { lines.append("  boost: +1 severity when the frame counts ≥ \(n)") }
        if let n = watch.boosts.sourcesAtLeast { lines.append("  boost: +1 severity when ≥ \(n) distinct sources back the item") }
        if !watch.feeds.isEmpty { lines.append("  only for feeds: \(watch.feeds.joined(separator: ", "))") }
        return lines.joined(separator: "\n")
    }
}
