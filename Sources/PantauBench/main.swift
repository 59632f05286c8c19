// pantau-bench: release-mode extractor benchmark over the peer corpus (`big.txt`, one item per
// line, and a `label<TAB>phrase` watch list). Single thread; prints MB/s. Modes: `analyse`
// (language, tokens, stems, matching), `full` (plus every recognizer on every item), `daemon`
// (recognizers only on items a watch list fires on, as the daemon does). Not part of the
// product; run through Benchmarks/extract.sh.
import Foundation
import PantauExtractor
import PantauFeeds
import PantauWatch

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
    times.sort()
    let median = times[times.count / 2]
    print(String(format: "mode=parse files=%d MB=%.1f items=%d text_MB=%.1f median=%.2fs (min %.2f max %.2f) => %.1f MB/s",
                 documents.count, Double(bytes) / 1e6, items, Double(textBytes) / 1e6, median, times.first!, times.last!, Double(bytes) / 1e6 / median))
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

var times: [Double] = []
var alerts = 0, tokens = 0, events = 0, entities = 0
for _ in 0..<runs {
    alerts = 0; tokens = 0; events = 0; entities = 0
    let start = Date()
    for line in lines {
        let analysed = extractor.analyse(line)
        tokens += analysed.tokens.count
        let matches = matcher.match(analysed)
        if !matches.isEmpty { alerts += 1 }
        if mode == "full" || (mode == "daemon" && !matches.isEmpty) {
            let x = extractor.recognize(in: analysed)
            events += x.events.count
            entities += x.entities.count
        }
    }
    times.append(Date().timeIntervalSince(start))
}
times.sort()
let median = times[times.count / 2]
let mb = Double(big.count) / 1e6
print(String(format: "mode=%@ phrases=%d items=%d MB=%.1f tokens=%d alert_items=%d events=%d entities=%d compile=%.2fs median=%.2fs (min %.2f max %.2f) => %.1f MB/s",
             mode, phraseCount, lines.count, mb, tokens, alerts, events, entities, compileSeconds, median, times.first!, times.last!, mb / median))
