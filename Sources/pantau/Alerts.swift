import ArgumentParser
import Foundation
import PantauDaemon
import PantauWatch

/// `pantau alerts`: read the alerts log.
struct Alerts: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show alerts from the alerts log as an aligned summary (or JSON lines).",
        discussion: "With --follow, keeps printing new alerts as they arrive, across log rotations, until interrupted."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Read this log instead of the configured alerts_log.", valueName: "FILE"))
    var alertsLog: String?

    @Option(help: ArgumentHelp("Only alerts since a time: 30m, 2h, 7d, 2026-11-27 or an RFC 3339 time.", valueName: "WHEN"))
    var since: String?

    @Option(help: ArgumentHelp("Only this watch list.", valueName: "NAME"))
    var watch: String?

    @Option(help: ArgumentHelp("Only this severity or higher: low, medium, high, critical.", valueName: "LEVEL"))
    var severity: String?

    @Flag(help: "Keep reading: print new alerts as they are appended (survives log rotation).")
    var follow = false

    @Flag(help: "Print the matching records as JSON lines, unchanged.")
    var json = false

    func run() throws {
        let path = try alertsLog.map { absolutePath($0, FileManager.default.currentDirectoryPath) } ?? options.load().daemon.alertsLog
        var filter = AlertFilter(watch: watch)
        if let severity {
            guard let level = Severity(rawValue: severity) else { throw ValidationError("--severity must be low, medium, high or critical") }
            filter.minimumSeverity = level
        }
        if let since {
            guard let date = AlertFilter.parseSince(since, now: Date()) else { throw ValidationError("--since takes 30m, 2h, 7d, a date (2026-11-27) or an RFC 3339 time") }
            filter.since = date
        }
        if !follow && !FileManager.default.fileExists(atPath: path) {
            printError("\(path): no alerts log yet (Pantau creates it when it starts)")
            throw ExitCode(1)
        }
        let reader = AlertLogReader(path: path)
        let decoder = JSONDecoder()
        var printer = AlertPrinter(aligned: !follow)
        var skipped = 0
        func emit(_ lines: [String]) {
            var records: [(String, AlertRecord)] = []
            for line in lines {
                guard let record = try? decoder.decode(AlertRecord.self, from: Data(line.utf8)) else {
                    skipped += 1
                    continue
                }
                if filter.accepts(record) { records.append((line, record)) }
            }
            if json {
                for (line, _) in records { print(line) }
            } else {
                printer.print(records.map(\.1))
            }
            fflush(nil)
        }
        emit(reader.readNewLines())
        while follow {
            Thread.sleep(forTimeInterval: 0.25)
            emit(reader.readNewLines())
        }
        if skipped > 0 { printError("\(path): skipped \(skipped) line(s) that are not alert records") }
    }
}

/// Prints alerts as aligned rows (time, severity, watch, feed, title) with the evidence
/// sentence and the link indented below.
struct AlertPrinter {
    /// Size columns to the records (false when following: widths are fixed).
    var aligned: Bool

    mutating func print(_ records: [AlertRecord]) {
        guard !records.isEmpty else { return }
        let watchWidth = aligned ? min(28, records.map(\.watch.count).max() ?? 0) : 20
        let feedWidth = aligned ? min(20, records.map(\.feed.name.count).max() ?? 0) : 14
        for r in records {
            let time = r.time.replacingOccurrences(of: "T", with: " ")
            let row = [time, pad(r.severity.uppercased(), 8), pad(r.watch, watchWidth), pad(r.feed.name, feedWidth), r.item.title]
            Swift.print(row.joined(separator: "  "))
            // Corroborations and escalations say so, with what is new and whom they cite.
            if let kind = r.kind, kind != "alert" {
                Swift.print("    \(kind.uppercased()): " + (r.details ?? []).joined(separator: "; "))
                for cited in r.cites ?? [] { Swift.print("    cites [\(cited.feed)] \(cited.title)") }
            }
            Swift.print("    " + r.evidence)
            if let link = r.item.link { Swift.print("    " + link) }
        }
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? String(text.prefix(width)) : text + String(repeating: " ", count: width - text.count)
    }
}
