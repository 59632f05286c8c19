import ArgumentParser
import Foundation
import PantauDaemon
import PantauStore

/// `pantau status`: the feed table and the daemon's counters, from the state database.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every feed's last result, last success, next poll, errors and items seen, and the daemon's counters.",
        discussion: """
            With --json, prints the same as one JSON object (snake_case keys; times in RFC 3339; \
            absent values left out), for monitoring: "daemon" (absent before the first poll), \
            "waiting_for_log", and "feeds", each with "name", "url", "result" ("ok", "error" or \
            "never polled"), "last_status", "last_error", "last_poll", "last_success", "next_poll", \
            "consecutive_errors", "seen" and "moved_to".
            """
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Read this state directory instead of the configured state_dir.", valueName: "DIR"))
    var stateDir: String?

    @Flag(help: "Print the status as one JSON object.")
    var json = false

    func run() throws {
        let configuration = try options.load()
        let directory = stateDir.map { absolutePath($0, FileManager.default.currentDirectoryPath) } ?? configuration.daemon.stateDirectory
        guard FileManager.default.fileExists(atPath: directory + "/state.sqlite") else {
            printError("\(directory)/state.sqlite: no state yet (has `pantau run` been started?)")
            throw ExitCode(1)
        }
        let report: StatusReport
        do {
            report = try StatusReport(feeds: configuration.feeds, store: try StateStore(directory: directory))
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        if json {
            print(try report.json())
            return
        }
        print("state: \(report.state)")
        print("daemon: " + (report.daemon?.summary ?? "no counters yet") + "; \(report.waitingForLog) alert(s) waiting for the log")
        print("")
        var rows = [["FEED", "LAST RESULT", "LAST POLL", "LAST SUCCESS", "NEXT POLL", "ERRORS", "SEEN", "URL"]]
        for feed in report.feeds {
            let result: String
            if let error = feed.lastError {
                result = "error: " + (error.count > 60 ? String(error.prefix(57)) + "..." : error)
            } else if feed.result == "ok" {
                result = feed.lastStatus.map { $0 == 0 ? "ok (file)" : "ok (\($0))" } ?? "ok"
            } else {
                result = feed.result
            }
            rows.append([
                feed.name, result, time(feed.lastPoll), time(feed.lastSuccess), time(feed.nextPoll),
                "\(feed.consecutiveErrors)", "\(feed.seen)",
                feed.movedTo.map { "\(feed.url) (moved to \($0))" } ?? feed.url,
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(zip(row, widths).enumerated().map { index, cell in
                index == row.count - 1 ? cell.0 : cell.0 + String(repeating: " ", count: cell.1 - cell.0.count)
            }.joined(separator: "  "))
        }
    }

    /// An RFC 3339 time as the table shows it (`2026-11-27 05:40:12Z`), or `-`.
    func time(_ rfc3339: String?) -> String {
        rfc3339.map { $0.replacingOccurrences(of: "T", with: " ") } ?? "-"
    }
}
