import Foundation
import PantauExtractor
import PantauWatch
import TOMLKit

/// Loads and validates `pantau.toml` and its `watch.d/*.toml` drop-ins.
///
/// Keys (all optional unless marked):
///
/// `[daemon]`: `state_dir` (string, default `$STATE_DIRECTORY` or `/var/lib/pantau`),
/// `alerts_log` (string, default `$LOGS_DIRECTORY/alerts.jsonl` or
/// `/var/log/pantau/alerts.jsonl`), `poll_interval` (duration, default `15m`),
/// `max_concurrent_fetches` (integer 1–1024, default 16), `max_per_host` (integer 1–256,
/// default 2), `watch_dir` (string, default `watch.d` beside the config file),
/// `max_body_bytes` (integer, default 10 MiB), `fetch_timeout` (duration, default `30s`),
/// `connect_timeout` (duration, default `10s`), `low_speed_limit` (bytes per second,
/// default 64), `low_speed_time` (duration, default `15s`) and `user_agent_contact` (a URL
/// or address added to the `User-Agent`).
///
/// `[[feed]]`: `name` (required, unique), `url` or `path` (exactly one; `http`, `https` or
/// `file` URL; a path is a local file), `interval` (duration, default `poll_interval`),
/// `min_interval` (default `interval`), `max_interval` (default the larger of `interval`
/// and `1h`), `language` (`auto`, `id` or `en`, default `auto`), `ca_file` (PEM file).
///
/// `[[watch]]` (in watch files): `name` (required, unique across files), `severity`
/// (`low`, `medium`, `high`, `critical`; default `medium`), `any`, `all`, `none` (arrays of
/// phrases; `any` or `all` must be non-empty), `roots` (array of single Indonesian root
/// words added to the stemmer's lexicon).
///
/// Durations are seconds (integer or float) or strings with a unit: `90s`, `15m`, `1h`, `1d`.
/// Relative paths resolve against the directory of the file that names them.
public struct ConfigLoader: Sendable {
    /// Environment used for systemd directory defaults (`STATE_DIRECTORY`, `LOGS_DIRECTORY`).
    public var environment: [String: String]

    /// Creates a loader.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    /// Loads `path`, collecting every problem before failing.
    public func load(path: String) throws(ConfigError) -> PantauConfiguration {
        var problems: [ConfigProblem] = []
        let configFile = Self.absolute(path, relativeTo: FileManager.default.currentDirectoryPath)
        let baseDirectory = (configFile as NSString).deletingLastPathComponent

        guard let document = readTOML(configFile, problems: &problems) else { throw ConfigError(problems: problems) }
        var inputs = ConfigInputs(files: [.init(path: configFile, text: document.source)], watchDirectory: "")
        var reader = TableReader(file: configFile, source: document.source)

        var daemon = DaemonSettings(
            stateDirectory: environment["STATE_DIRECTORY"].map { $0.split(separator: ":").first.map(String.init) ?? $0 } ?? "/var/lib/pantau",
            alertsLog: environment["LOGS_DIRECTORY"].map { ($0.split(separator: ":").first.map(String.init) ?? $0) + "/alerts.jsonl" } ?? "/var/log/pantau/alerts.jsonl",
            watchDirectory: (baseDirectory as NSString).appendingPathComponent("watch.d")
        )
        reader.checkKeys(document.table, table: "", allowed: ["daemon", "feed"],
                         hints: ["watch": "watch lists go in their own *.toml files in the watch directory (watch_dir, by default watch.d beside this file)"])
        if let table = reader.table(document.table, "daemon", in: "") {
            reader.checkKeys(table, table: "daemon", allowed: ["state_dir", "alerts_log", "poll_interval", "max_concurrent_fetches", "watch_dir", "max_body_bytes",
                                                               "fetch_timeout", "connect_timeout", "max_per_host", "low_speed_limit", "low_speed_time",
                                                               "user_agent_contact", "story_window", "seen_retention"])
            if let v = reader.string(table, "state_dir", in: "daemon") { daemon.stateDirectory = Self.absolute(v, relativeTo: baseDirectory) }
            if let v = reader.string(table, "alerts_log", in: "daemon") { daemon.alertsLog = Self.absolute(v, relativeTo: baseDirectory) }
            if let v = reader.duration(table, "poll_interval", in: "daemon") { daemon.pollInterval = v }
            if let v = reader.integer(table, "max_concurrent_fetches", in: "daemon", range: 1...1024) { daemon.maxConcurrentFetches = v }
            if let v = reader.string(table, "watch_dir", in: "daemon") { daemon.watchDirectory = Self.absolute(v, relativeTo: baseDirectory) }
            if let v = reader.integer(table, "max_body_bytes", in: "daemon", range: 1024...(1 << 30)) { daemon.maxBodyBytes = v }
            if let v = reader.duration(table, "fetch_timeout", in: "daemon") { daemon.fetchTimeout = v }
            if let v = reader.duration(table, "connect_timeout", in: "daemon") { daemon.connectTimeout = v }
            if let v = reader.integer(table, "max_per_host", in: "daemon", range: 1...256) { daemon.maxPerHost = v }
            if let v = reader.integer(table, "low_speed_limit", in: "daemon", range: 1...(1 << 30)) { daemon.lowSpeedLimit = v }
            if let v = reader.duration(table, "low_speed_time", in: "daemon") { daemon.lowSpeedTime = v }
            if let v = reader.string(table, "user_agent_contact", in: "daemon") { daemon.userAgentContact = v }
            if let v = reader.duration(table, "story_window", in: "daemon") { daemon.storyWindow = v }
            if let v = reader.duration(table, "seen_retention", in: "daemon") {
                if v < 86_400 {
                    reader.problem("daemon", "seen_retention", "seen_retention must be at least 1d: a shorter memory would alert again on items a feed shows for a day or two")
                } else {
                    daemon.seenRetention = v
                }
            }
        }

        let feeds = readFeeds(document.table, reader: &reader, daemon: daemon, baseDirectory: baseDirectory)
        problems += reader.problems
        document.discardTree()

        var watches: [WatchDefinition] = []
        let watchFiles = listWatchFiles(daemon.watchDirectory, configFile: configFile, problems: &problems)
        var watchNames: [String: String] = [:]
        for file in watchFiles {
            guard let watchDocument = readTOML(file, problems: &problems) else { continue }
            var watchReader = TableReader(file: file, source: watchDocument.source)
            watches += readWatches(watchDocument.table, reader: &watchReader, seen: &watchNames)
            problems += watchReader.problems
            watchDocument.discardTree()
            inputs.files.append(.init(path: file, text: watchDocument.source))
        }
        inputs.watchDirectory = daemon.watchDirectory
        if feeds.isEmpty && !problems.contains(where: { $0.file == configFile }) {
            problems.append(ConfigProblem(file: configFile, message: "no [[feed]] configured; add one with name and url (or path)"))
        }
        // Scopes must name what exists.
        let watchNameSet = Set(watches.map(\.name)), feedNames = Set(feeds.map(\.name))
        for feed in feeds {
            for name in feed.watches where !watchNameSet.contains(name) && !watches.isEmpty {
                problems.append(ConfigProblem(file: configFile, message: "feed \"\(feed.name)\" lists watch list \"\(name)\", which no watch file defines"))
            }
        }
        for watch in watches {
            for name in watch.feeds where !feedNames.contains(name) && !feeds.isEmpty {
                problems.append(ConfigProblem(file: watchNames[watch.name] ?? daemon.watchDirectory, message: "watch list \"\(watch.name)\" lists feed \"\(name)\", which the configuration does not define"))
            }
        }
        if watches.isEmpty && !watchFiles.isEmpty && problems.isEmpty {
            problems.append(ConfigProblem(file: daemon.watchDirectory, message: "no [[watch]] lists in any watch file"))
        }
        guard problems.isEmpty else { throw ConfigError(problems: Self.ordered(problems)) }
        var configuration = PantauConfiguration(configFile: configFile, daemon: daemon, feeds: feeds, watches: watches, watchFiles: watchFiles)
        configuration.inputs = inputs
        return configuration
    }

    /// Whether every file `inputs` lists still reads the same, and the watch directory
    /// still lists the same files: then loading again would give the same configuration.
    public func isUnchanged(_ inputs: ConfigInputs) -> Bool {
        var problems: [ConfigProblem] = []
        let watchFiles = listWatchFiles(inputs.watchDirectory, configFile: inputs.files.first?.path ?? "", problems: &problems)
        guard watchFiles == inputs.files.dropFirst().map(\.path) else { return false }
        return inputs.files.allSatisfy { (try? String(contentsOfFile: $0.path, encoding: .utf8)) == $0.text }
    }

    /// Keys a `[[feed]]` table may have (built once: a config may hold thousands of feeds).
    static let feedKeys: Set<String> = ["name", "url", "path", "interval", "min_interval", "max_interval", "language", "ca_file", "watches"]

    struct Document {
        var table: TOMLTable
        /// The text, for locating problems.
        var source: String

        /// Frees the parsed tree once everything is read from it. TOMLKit never deletes
        /// a document it parsed (LebJe/TOMLKit#26), so every reload would keep the whole
        /// tree; emptying the root frees all its nodes. Nothing read from `table` may be
        /// used afterwards (what the loader keeps are Swift values).
        func discardTree() {
            table.clear()
        }
    }

    func readTOML(_ file: String, problems: inout [ConfigProblem]) -> Document? {
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            let reason = FileManager.default.fileExists(atPath: file) ? "cannot be read as UTF-8 text (check permissions and encoding)" : "does not exist; pass --config FILE or set PANTAU_CONFIG"
            problems.append(ConfigProblem(file: file, message: "config file \(reason)"))
            return nil
        }
        do {
            return Document(table: try TOMLTable(string: source), source: source)
        } catch let error as TOMLParseError {
            problems.append(ConfigProblem(file: file, line: error.source.begin.line, column: error.source.begin.column, message: "TOML syntax error: \(error.description)"))
        } catch {
            problems.append(ConfigProblem(file: file, message: "TOML error: \(error)"))
        }
        return nil
    }

    func readFeeds(_ root: TOMLTable, reader: inout TableReader, daemon: DaemonSettings, baseDirectory: String) -> [FeedConfig] {
        var feeds: [FeedConfig] = []
        var names: Set<String> = []
        for (index, table) in reader.arrayOfTables(root, "feed").enumerated() {
            let scope = "feed#\(index)"
            reader.checkKeys(table, table: scope, allowed: Self.feedKeys)
            let name = reader.string(table, "name", in: scope, required: true, what: "feed")
            if let name, !names.insert(name).inserted {
                reader.problem(scope, "name", "feed name \"\(name)\" is used twice; feed names must be unique")
            }
            let url = reader.string(table, "url", in: scope)
            let path = reader.string(table, "path", in: scope)
            var resolved: String?
            switch (url, path) {
            case (nil, nil):
                reader.problem(scope, nil, "feed \(name.map { "\"\($0)\"" } ?? "") needs url = \"https://…\" or path = \"file.xml\"")
            case (.some, .some):
                reader.problem(scope, "path", "feed has both url and path; keep one")
            case (let url?, nil):
                let lower = url.lowercased()
                if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("file://") {
                    resolved = url
                } else {
                    // Only the scheme is echoed: the rest may hold credentials, and reload
                    // problems reach the journal.
                    let scheme = url.firstIndex(of: ":").map { "\"\(url[..<$0])\" " } ?? "with no scheme "
                    reader.problem(scope, "url", "url \(scheme)must start with http://, https:// or file:// (use path = for local files)")
                }
            case (nil, let path?):
                resolved = "file://" + Self.absolute(path, relativeTo: baseDirectory)
            }
            let interval = reader.duration(table, "interval", in: scope) ?? daemon.pollInterval
            let minInterval = reader.duration(table, "min_interval", in: scope)
            let maxInterval = reader.duration(table, "max_interval", in: scope)
            if let minInterval, minInterval > interval {
                reader.problem(scope, "min_interval", "min_interval must not be longer than interval")
            }
            if let maxInterval, maxInterval < interval {
                reader.problem(scope, "max_interval", "max_interval must not be shorter than interval")
            }
            let caFile = reader.string(table, "ca_file", in: scope).map { Self.absolute($0, relativeTo: baseDirectory) }
            var language: String? = nil
            if let lang = reader.string(table, "language", in: scope) {
                switch lang {
                case "auto": language = nil
                case "id", "en": language = lang
                default: reader.problem(scope, "language", "language must be \"auto\", \"id\" or \"en\", not \"\(lang)\"")
                }
            }
            let limitedTo = reader.strings(table, "watches", in: scope)
            if let name, let resolved {
                var feed = FeedConfig(name: name, url: resolved, interval: interval, minInterval: minInterval, maxInterval: maxInterval,
                                      language: language, caFile: caFile)
                feed.watches = limitedTo
                feeds.append(feed)
            }
        }
        return feeds
    }

    func readWatches(_ root: TOMLTable, reader: inout TableReader, seen: inout [String: String]) -> [WatchDefinition] {
        reader.checkKeys(root, table: "", allowed: ["watch"], hints: [
            "feed": "feeds go in the main config file, not in a watch list file",
            "daemon": "[daemon] goes in the main config file, not in a watch list file",
        ])
        var watches: [WatchDefinition] = []
        for (index, table) in reader.arrayOfTables(root, "watch").enumerated() {
            let scope = "watch#\(index)"
            reader.checkKeys(table, table: scope, allowed: [
                "name", "severity", "any", "all", "none", "roots", "any_id", "any_en", "near", "same_sentence", "fields",
                "weights", "threshold", "event", "actor", "destination", "min_count", "entity", "language", "hedged",
                "boost_count", "boost_sources", "feeds", "cooldown", "sink",
            ])
            let name = reader.string(table, "name", in: scope, required: true, what: "watch list")
            if let name {
                if let other = seen[name] {
                    reader.problem(scope, "name", "watch list \"\(name)\" is already defined in \(other)")
                } else {
                    seen[name] = reader.file
                }
            }
            var severity = Severity.medium
            if let text = reader.string(table, "severity", in: scope) {
                if let parsed = Severity(rawValue: text) {
                    severity = parsed
                } else {
                    reader.problem(scope, "severity", "severity must be one of low, medium, high, critical; not \"\(text)\"")
                }
            }
            let any = reader.phrases(table, "any", in: scope)
            let all = reader.phrases(table, "all", in: scope)
            let none = reader.phrases(table, "none", in: scope)
            let roots = reader.phrases(table, "roots", in: scope)
            for (i, root) in roots.enumerated() where WatchMatcher.words(in: root).count != 1 {
                reader.problem(scope, "roots", "roots entry \(i + 1) (\"\(root)\") must be one word, a root such as \"kirim\"")
            }
            var watch = WatchDefinition(name: name ?? "", severity: severity, any: any, all: all, none: none, roots: roots)
            readRules(table, scope: scope, reader: &reader, into: &watch)
            if !watch.canFire {
                reader.problem(scope, nil, "watch list \(name.map { "\"\($0)\"" } ?? "") has nothing to match: add any = [\"…\"], all = [\"…\"], near, weights with a threshold, or an event/entity condition")
            }
            if name != nil { watches.append(watch) }
        }
        return watches
    }

    func listWatchFiles(_ directory: String, configFile: String, problems: inout [ConfigProblem]) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            problems.append(ConfigProblem(file: configFile, message: "watch directory \(directory) does not exist; create it with at least one *.toml watch list, or set watch_dir in [daemon]"))
            return []
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let files = names.filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }.sorted()
        if files.isEmpty {
            problems.append(ConfigProblem(file: directory, message: "no *.toml watch lists in the watch directory"))
        }
        return files.map { (directory as NSString).appendingPathComponent($0) }
    }

    /// Problems grouped by file (in the order files were read), by line within a file.
    static func ordered(_ problems: [ConfigProblem]) -> [ConfigProblem] {
        var fileOrder: [String: Int] = [:]
        for problem in problems where fileOrder[problem.file] == nil { fileOrder[problem.file] = fileOrder.count }
        return problems.enumerated().sorted { a, b in
            let (fa, fb) = (fileOrder[a.element.file]!, fileOrder[b.element.file]!)
            if fa != fb { return fa < fb }
            let (la, lb) = (a.element.line ?? 0, b.element.line ?? 0)
            return la != lb ? la < lb : a.offset < b.offset
        }.map(\.element)
    }

    /// `path` made absolute against `directory` (and `~` expanded), with `.`/`..` resolved.
    static func absolute(_ path: String, relativeTo directory: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let joined = expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
        return (joined as NSString).standardizingPath
    }
}

extension ConfigLoader {
    /// Reads the rule keys of one `[[watch]]` (see `pantau.toml(5)`): language-specific
    /// phrases, `near`, `same_sentence`, `fields`, `weights`/`threshold`, conditions on the
    /// extractor's findings (names are checked against the gazetteer and made canonical),
    /// severity boosts and the feed scope.
    func readRules(_ table: TOMLTable, scope: String, reader: inout TableReader, into watch: inout WatchDefinition) {
        for (key, language) in [("any_id", Language.indonesian), ("any_en", Language.english)] {
            let list = reader.phrases(table, key, in: scope)
            if !list.isEmpty { watch.anyByLanguage[language] = list }
        }
        if let value = table["near"] {
            if let rules = value.array {
                for (i, rule) in rules.enumerated() {
                    guard let parts = rule.array, parts.count >= 3, let distance = parts[parts.count - 1].intValue, distance >= 1, distance <= 50 else {
                        reader.problem(scope, "near", "near entry \(i + 1) must be [\"word\", \"word\", …, distance] with a distance of 1 to 50 words")
                        continue
                    }
                    let words = parts.dropLast().compactMap(\.stringValue)
                    guard words.count == parts.count - 1, words.allSatisfy({ WatchMatcher.words(in: $0).count == 1 }) else {
                        reader.problem(scope, "near", "near entry \(i + 1): every item but the last must be a single word in quotes")
                        continue
                    }
                    watch.near.append(NearRule(words: words, distance: distance))
                }
            } else {
                reader.problem(scope, "near", "near must be an array of rules: near = [[\"kirim\", \"pasukan\", 5]]")
            }
        }
        if let value = table["same_sentence"] {
            if let flag = value.boolValue { watch.sameSentence = flag } else { reader.problem(scope, "same_sentence", "same_sentence must be true or false") }
        }
        if table["fields"] != nil {
            var fields = Set<WatchDefinition.Field>()
            for name in reader.strings(table, "fields", in: scope) {
                if let field = WatchDefinition.Field(rawValue: name) { fields.insert(field) } else { reader.problem(scope, "fields", "fields may hold \"title\" and \"body\", not \"\(name)\"") }
            }
            if !fields.isEmpty { watch.fields = fields }
        }
        if let value = table["weights"] {
            if let weights = value.table {
                for key in weights.ownedKeys.sorted() {
                    let weight = weights[key]?.doubleValue ?? weights[key]?.intValue.map(Double.init)
                    guard let weight, weight > 0 else { reader.problem(scope, "weights", "weight of \"\(key)\" must be a positive number"); continue }
                    guard !WatchMatcher.words(in: key).isEmpty else { reader.problem(scope, "weights", "weighted term \"\(key)\" has no words"); continue }
                    watch.weights[key] = weight
                }
            } else {
                reader.problem(scope, "weights", "weights must be a table: weights = { \"pasukan\" = 2, \"rusia\" = 1 }")
            }
        }
        if let value = table["threshold"] {
            if let t = value.doubleValue ?? value.intValue.map(Double.init), t > 0 { watch.threshold = t } else { reader.problem(scope, "threshold", "threshold must be a positive number") }
        }
        if watch.threshold != nil && watch.weights.isEmpty { reader.problem(scope, "threshold", "threshold needs weights = { \"term\" = weight, … }") }
        if !watch.weights.isEmpty && watch.threshold == nil { reader.problem(scope, "weights", "weights need a threshold = N to reach") }
        // Conditions.
        if let event = reader.string(table, "event", in: scope) {
            if let kind = EventFrame.Kind(rawValue: event) { watch.conditions.event = kind } else { reader.problem(scope, "event", "event must be \"deployment\" or \"escalation\", not \"\(event)\"") }
        }
        watch.conditions.actors = canonical(reader.strings(table, "actor", in: scope), key: "actor", scope: scope, reader: &reader)
        watch.conditions.destinations = canonical(reader.strings(table, "destination", in: scope), key: "destination", scope: scope, reader: &reader)
        watch.conditions.entities = canonical(reader.strings(table, "entity", in: scope), key: "entity", scope: scope, reader: &reader)
        if let value = table["min_count"] {
            if let n = value.doubleValue ?? value.intValue.map(Double.init), n >= 0 { watch.conditions.minCount = n } else { reader.problem(scope, "min_count", "min_count must be a number of at least 0") }
        }
        if let value = table["hedged"] {
            if let flag = value.boolValue { watch.conditions.hedged = flag } else { reader.problem(scope, "hedged", "hedged must be true or false") }
        }
        for name in reader.strings(table, "language", in: scope) {
            if let language = Language(rawValue: name), language != .other { watch.conditions.languages.append(language) } else { reader.problem(scope, "language", "language may hold \"id\" and \"en\", not \"\(name)\"") }
        }
        // Boosts and scope.
        if let value = table["boost_count"] {
            if let n = value.doubleValue ?? value.intValue.map(Double.init), n > 0 { watch.boosts.countAtLeast = n } else { reader.problem(scope, "boost_count", "boost_count must be a positive number") }
        }
        if let n = reader.integer(table, "boost_sources", in: scope, range: 2...100) { watch.boosts.sourcesAtLeast = n }
        watch.feeds = reader.strings(table, "feeds", in: scope)
        if table["cooldown"] != nil {
            if let seconds = reader.duration(table, "cooldown", in: scope) { watch.cooldown = seconds }
        }
        watch.sinks = readSinks(table, scope: scope, reader: &reader)
    }

    /// `[[watch.sink]]` tables: `type = "text"` with `path`, `"exec"` with `command` (an
    /// array: program and arguments, no shell), `"webhook"` with `url`; `timeout` (default 10s).
    func readSinks(_ table: TOMLTable, scope: String, reader: inout TableReader) -> [AlertSink] {
        guard let value = table["sink"] else { return [] }
        guard let array = value.array else {
            reader.problem(scope, "sink", "sink must be an array of tables: write [[watch.sink]]")
            return []
        }
        var sinks: [AlertSink] = []
        for (i, element) in array.enumerated() {
            guard let sink = element.table else { reader.problem(scope, "sink", "sink entry \(i + 1) must be a table: write [[watch.sink]]"); continue }
            let timeout = sink["timeout"] == nil ? 10 : (reader.duration(sink, "timeout", in: scope) ?? 10)
            switch sink["type"]?.stringValue {
            case "text":
                guard let path = sink["path"]?.stringValue, !path.isEmpty else { reader.problem(scope, "sink", "sink entry \(i + 1): a text sink needs path = \"/var/log/pantau/…\""); continue }
                sinks.append(AlertSink(kind: .text(path: path), timeout: timeout))
            case "exec":
                let command = sink["command"]?.array?.compactMap(\.stringValue) ?? []
                guard !command.isEmpty, command.count == sink["command"]?.array?.count, command[0].hasPrefix("/") else {
                    reader.problem(scope, "sink", "sink entry \(i + 1): an exec sink needs command = [\"/absolute/program\", \"arg\", …] (run without a shell)")
                    continue
                }
                sinks.append(AlertSink(kind: .exec(command: command), timeout: timeout))
            case "webhook":
                guard let url = sink["url"]?.stringValue, url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    reader.problem(scope, "sink", "sink entry \(i + 1): a webhook sink needs url = \"https://…\""); continue
                }
                sinks.append(AlertSink(kind: .webhook(url: url), timeout: timeout))
            default:
                reader.problem(scope, "sink", "sink entry \(i + 1): type must be \"text\", \"exec\" or \"webhook\"")
            }
        }
        return sinks
    }

    /// Entity names made canonical through the gazetteer (`Korea Utara` → `North Korea`); a
    /// name the gazetteer does not know is kept as written (people found by role cues).
    func canonical(_ names: [String], key: String, scope: String, reader: inout TableReader) -> [String] {
        names.map { Gazetteer.standard.canonicalName(for: $0) ?? $0 }
    }
}
