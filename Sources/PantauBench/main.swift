// pantau-bench: release-mode extractor benchmark over the peer corpus (`big.txt`, one item per
// line, and a `label<TAB>phrase` watch list). Single thread; prints MB/s. Modes: `analyse`
// (language, tokens, stems, matching), `full` (plus every recognizer on every item), `daemon`
// (recognizers only on items a watch list fires on), `prefiltered` (as `daemon`, after the
// stem-key test, as the daemon does). Not part of the
// product; run through Benchmarks/extract.sh.
import Foundation
import PantauExtractor
import PantauFeeds
import PantauWatch
import Synchronization

let args = CommandLine.arguments

// `pantau-bench parse-memory FILE`: peak resident memory while parsing one document, against
// its size ("parsing never allocates more than a small multiple of the feed's size").
if args.count >= 3, args[1] == "parse-memory" {
    func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }
    let document = Array(try Data(contentsOf: URL(fileURLWithPath: args[2])))
    let before = peakRSS()
    let feed = try FeedParser().parse(document)
    let after = peakRSS()
    print(String(format: "mode=parse-memory MB=%.1f items=%d peak_rss_before=%.1fMB peak_rss_after=%.1fMB growth=%.1fMB ratio=%.2f",
                 Double(document.count) / 1e6, feed.items.count, Double(before) / 1e6, Double(after) / 1e6,
                 Double(after - before) / 1e6, Double(after - before) / Double(document.count)))
    exit(0)
}

// `pantau-bench parse FEEDS_DIR [runs]`: feed parsing throughput (XML, adapter, HTML → text).
if args.count >= 3, args[1] == "parse" {
    let directory = URL(fileURLWithPath: args[2])
    let runs = args.count > 3 ? Int(args[3]) ?? 3 : 3
    let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        .filter { ["xml", "json", "rss", "atom"].contains($0.pathExtension) }.sorted { $0.path < $1.path }
    let documents = try files.map { Array(try Data(contentsOf: $0)) }
    let bytes = documents.reduce(0) { $0 + $1.count }
    let parser = FeedParser()
    var times: [Double] = []
    var items = 0, textBytes = 0
    for _ in 0..<runs {
        items = 0; textBytes = 0
        let start = Date()
        for document in documents {
            let feed = try parser.parse(document)
            items += feed.items.count
            for item in feed.items { textBytes += item.summary.utf8.count + item.title.utf8.count + item.content.utf8.count }
        }
        times.append(Date().timeIntervalSince(start))
    }
    if ProcessInfo.processInfo.environment["TREE"] != nil {
        var treeTimes: [Double] = []
        for _ in 0..<runs {
            let start = Date()
            for document in documents { _ = try XMLDocumentParser().parse(document) }
            treeTimes.append(Date().timeIntervalSince(start))
        }
        treeTimes.sort()
        print(String(format: "tree only (libxml2 SAX into XMLElement): median %.3fs", treeTimes[treeTimes.count / 2]))
    }
    times.sort()
    let median = times[times.count / 2]
    print(String(format: "mode=parse files=%d MB=%.1f items=%d text_MB=%.1f median=%.2fs (min %.2f max %.2f) => %.1f MB/s",
                 documents.count, Double(bytes) / 1e6, items, Double(textBytes) / 1e6, median, times.first!, times.last!, Double(bytes) / 1e6 / median))
    exit(0)
}

// `pantau-bench stem BIG.TXT [runs]`: both stemmers over every distinct folded word of the
// text (what a cold word memo pays). DUMP=FILE writes `word id en` lines, to compare the
// stems two builds give.
if args.count >= 3, args[1] == "stem" {
    let runs = args.count > 3 ? Int(args[3]) ?? 3 : 3
    let text = try String(contentsOfFile: args[2], encoding: .utf8)
    var distinct = Set<String>()
    let tokenizer = Tokenizer()
    for line in text.split(separator: "\n") {
        let line = String(line)
        for range in tokenizer.wordRanges(in: line) {
            let utf8 = line.utf8
            distinct.insert(TextFolding.fold(line[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
        }
    }
    let words = distinct.sorted()
    let morphology = PantauExtractor.Morphology()
    var times: [Double] = []
    var changed = 0
    for _ in 0..<runs {
        changed = 0
        let start = Date()
        for word in words {
            if morphology.indonesian.stem(word) != word { changed += 1 }
            if morphology.english.stem(word) != word { changed += 1 }
        }
        times.append(Date().timeIntervalSince(start))
    }
    if let path = ProcessInfo.processInfo.environment["DUMP"] {
        let lines = words.map { "\($0) \(morphology.indonesian.stem($0)) \(morphology.english.stem($0))\n" }.joined()
        try lines.write(toFile: path, atomically: true, encoding: .utf8)
    }
    times.sort()
    print(String(format: "mode=stem words=%d stems_changed=%d median=%.3fs (min %.3f) => %.2f us/word",
                 words.count, changed, times[times.count / 2], times[0], times[times.count / 2] / Double(words.count) * 1e6))
    exit(0)
}

// `pantau-bench rules BIG.TXT WATCHLIST [runs]`: the full extractor alone, then with 200
// watch lists (the corpus phrases spread over them, every fifth list with a near rule, every
// tenth with a frame condition and a count boost) and story tracking of every alert.
if args.count >= 4, args[1] == "rules" {
    let big = try Data(contentsOf: URL(fileURLWithPath: args[2]))
    let lines = String(decoding: big, as: UTF8.self).split(separator: "\n").map(String.init)
    let phrases = try String(contentsOfFile: args[3], encoding: .utf8).split(separator: "\n").compactMap { line -> String? in
        let parts = line.split(separator: "\t", maxSplits: 1)
        let phrase = String(parts.last ?? "").trimmingCharacters(in: .whitespaces)
        return phrase.isEmpty || phrase.hasPrefix("#") ? nil : phrase
    }
    let runs = args.count > 4 ? Int(args[4]) ?? 3 : 3
    var watches: [WatchDefinition] = []
    for w in 0..<200 {
        var watch = WatchDefinition(name: "w\(w)", severity: .medium, any: stride(from: w, to: phrases.count, by: 200).map { phrases[$0] })
        let env = ProcessInfo.processInfo.environment
        if w % 5 == 0, env["NONEAR"] == nil { watch.near = [NearRule(words: ["tentara", "kirim"], distance: 5)] }
        if w % 10 == 0, env["NOCOND"] == nil { watch.conditions = WatchConditions(event: .deployment); watch.boosts = SeverityBoosts(countAtLeast: 1000) }
        watches.append(watch)
    }
    let extractor = Extractor()
    let matcher = WatchMatcher(watches: watches, morphology: extractor.morphology)
    func seconds(_ body: () -> Int) -> (Double, Int) {
        let start = Date()
        let result = body()
        return (Date().timeIntervalSince(start), result)
    }
    // The same 1,000 phrases matched as plain lists: the extractor as issue 3 measures it.
    let plain = WatchMatcher(watches: [WatchDefinition(name: "all", severity: .medium, any: phrases)], morphology: extractor.morphology)
    var storyCount = 0, entities = 0, alerts = 0
    var matchSeconds = 0.0, storySeconds = 0.0
    var bare: [Double] = [], withPhrasesRuns: [Double] = [], withRulesRuns: [Double] = []
    // One warm-up pass fills the word cache; then the three modes take turns, so drift in
    // the machine's speed touches all of them alike.
    for line in lines { _ = extractor.extract(line) }
    for _ in 0..<runs {
        let (t0, n0) = seconds {
            var n = 0
            for line in lines { n += extractor.extract(line).entities.count }
            return n
        }
        bare.append(t0)
        entities = n0
        let (t1, _) = seconds {
            var n = 0
            for line in lines { n += plain.match(extractor.extract(line)).count }
            return n
        }
        withPhrasesRuns.append(t1)
        let (t2, n2) = seconds {
            var tracker = StoryTracker()
            var n = 0
            matchSeconds = 0; storySeconds = 0
            for (i, line) in lines.enumerated() {
                let x = extractor.extract(line)
                let t0 = DispatchTime.now().uptimeNanoseconds
                let matches = matcher.match(x)
                let t1 = DispatchTime.now().uptimeNanoseconds
                matchSeconds += Double(t1 - t0) / 1e9
                guard !matches.isEmpty else { continue }
                // As the daemon does: one report per item, filed once per list that fired.
                let report = StoryTracker.Report(itemID: "i\(i)", feed: "f\(i % 1000)", title: "", link: nil, extraction: x)
                for match in matches {
                    _ = tracker.observe(report, watch: match.watch, cooldown: 6 * 3600, now: Double(i))
                    n += 1
                }
                storySeconds += Double(DispatchTime.now().uptimeNanoseconds - t1) / 1e9
            }
            storyCount = tracker.stories.count
            return n
        }
        withRulesRuns.append(t2)
        alerts = n2
    }
    func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
    let base = median(bare), withPhrases = median(withPhrasesRuns), withRules = median(withRulesRuns)
    print(String(format: "phases: matching %.3fs, stories %.3fs (last run)", matchSeconds, storySeconds))
    print(String(format: "mode=rules watches=200 phrases=%d items=%d entities=%d alerts=%d stories=%d extractor=%.3fs extractor_with_phrases=%.3fs with_rules_and_stories=%.3fs overhead_vs_extractor=%.1f%% overhead_vs_extractor_with_phrases=%.1f%%",
                 phrases.count, lines.count, entities, alerts, storyCount, base, withPhrases, withRules, (withRules / base - 1) * 100, (withRules / withPhrases - 1) * 100))
    exit(0)
}

guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: pantau-bench BIG.TXT WATCHLIST [analyse|full|daemon] [runs]\n".utf8))
    exit(2)
}
let mode = args.count > 3 ? args[3] : "full"
let runs = args.count > 4 ? Int(args[4]) ?? 3 : 3
let big = try Data(contentsOf: URL(fileURLWithPath: args[1]))
let lines = String(decoding: big, as: UTF8.self).split(separator: "\n").map(String.init)

// Watch list: one phrase per line or label<TAB>phrase; one watch definition per label.
var byLabel: [String: [String]] = [:]
var order: [String] = []
for line in try String(contentsOfFile: args[2], encoding: .utf8).split(separator: "\n") {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
    let parts = line.split(separator: "\t", maxSplits: 1)
    let (label, phrase) = parts.count == 2 ? (String(parts[0]), String(parts[1])) : ("watch", String(parts[0]))
    if byLabel[label] == nil { order.append(label) }
    byLabel[label, default: []].append(phrase)
}
let watches = order.map { WatchDefinition(name: $0, severity: .medium, any: byLabel[$0]!) }
let phraseCount = watches.reduce(0) { $0 + $1.any.count }

let compileStart = Date()
let extractor = Extractor()
let matcher = WatchMatcher(watches: watches, morphology: extractor.morphology)
let compileSeconds = Date().timeIntervalSince(compileStart)

// THREADS=2 runs two threads on alternate items, sharing one extractor (as the daemon's
// workers do); SEPARATE=1 gives each thread its own (no shared word memo).
let environment = ProcessInfo.processInfo.environment
let threads = max(1, Int(environment["THREADS"] ?? "1") ?? 1)
let extractors = environment["SEPARATE"] == nil ? Array(repeating: extractor, count: threads) : (0..<threads).map { _ in Extractor() }
var times: [Double] = []
var alerts = 0, tokens = 0, events = 0, entities = 0
for _ in 0..<runs {
    let counts = Mutex((alerts: 0, tokens: 0, events: 0, entities: 0))
    let start = Date()
    DispatchQueue.concurrentPerform(iterations: threads) { thread in
        let extractor = extractors[thread]
        var c = (alerts: 0, tokens: 0, events: 0, entities: 0)
        for line in stride(from: thread, to: lines.count, by: threads).lazy.map({ lines[$0] }) {
            // `prefiltered`: as the daemon does, the stem-key test first, the full analysis
            // only for the items it lets through.
            guard let analysed = mode == "prefiltered" ? extractor.analyse(line, if: { matcher.mayFire($0) }) : extractor.analyse(line) else { continue }
            c.tokens += analysed.tokens.count
            let matches = matcher.match(analysed)
            if !matches.isEmpty { c.alerts += 1 }
            if mode == "full" || ((mode == "daemon" || mode == "prefiltered") && !matches.isEmpty) {
                let x = extractor.recognize(in: analysed)
                c.events += x.events.count
                c.entities += x.entities.count
            }
        }
        counts.withLock { $0 = ($0.alerts + c.alerts, $0.tokens + c.tokens, $0.events + c.events, $0.entities + c.entities) }
    }
    times.append(Date().timeIntervalSince(start))
    (alerts, tokens, events, entities) = counts.withLock { $0 }
}
// PREFILTER=1: how many items the stem-key test lets through to the full analysis, and what
// the test costs alone.
if environment["PREFILTER"] != nil {
    let start = Date()
    let passed = lines.reduce(0) { $0 + (matcher.mayFire(extractor.stemKeys($1)) ? 1 : 0) }
    print(String(format: "prefilter: %d of %d items may fire (%d fire); test alone %.3fs", passed, lines.count, alerts, Date().timeIntervalSince(start)))
}
times.sort()
let median = times[times.count / 2]
let mb = Double(big.count) / 1e6
print(String(format: "mode=%@ phrases=%d items=%d MB=%.1f tokens=%d alert_items=%d events=%d entities=%d compile=%.2fs median=%.2fs (min %.2f max %.2f) => %.1f MB/s",
             mode, phraseCount, lines.count, mb, tokens, alerts, events, entities, compileSeconds, median, times.first!, times.last!, mb / median))
