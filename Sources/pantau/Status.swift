import ArgumentParser
import Foundation
import PantauDaemon
import PantauFetch
import PantauStore

/// `pantau status`: the feed table and the daemon's counters, from the state database.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show every feed's last result, last success, next poll, errors and items seen, and the daemon's counters."
    )

    @OptionGroup var options: ConfigOptions

    @Option(help: ArgumentHelp("Read this state directory instead of the configured state_dir.", valueName: "DIR"))
    var stateDir: String?

    func run() throws {
        let configuration = try options.load()
        let directory = stateDir.map { absolutePath($0, FileManager.default.currentDirectoryPath) } ?? configuration.daemon.stateDirectory
        guard FileManager.default.fileExists(atPath: directory + "/state.sqlite") else {
            printError("\(directory)/state.sqlite: no state yet (has `pantau run` been started?)")
            throw ExitCode(1)
        }
        let store: StateStore
        do {
            store = try StateStore(directory: directory)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        let states = Dictionary(uniqueKeysWithValues: try store.allFeedStates().map { ($0.name, $0) })
        let seen = try store.seenCounts()
        let counters = try store.meta("counters").flatMap { try? JSONDecoder().decode(DaemonCounters.self, from: Data($0.utf8)) }

        print("state: \(store.path)")
        print("daemon: " + (counters?.statusLine ?? "no counters yet") + "; \(try store.pendingCount()) alert(s) waiting for the log")
        print("")
        var rows = [["FEED", "LAST RESULT", "LAST POLL", "LAST SUCCESS", "NEXT POLL", "ERRORS", "SEEN", "URL"]]
        for feed in configuration.feeds {
            guard let state = states[feed.name], state.url == feed.url else {
                rows.append([feed.name, "never polled", "-", "-", "-", "0", "\(seen[feed.name] ?? 0)", feed.shownURL])
                continue
            }
            let result: String
            if let error = state.lastError {
                result = "error: " + (error.count > 60 ? String(error.prefix(57)) + "..." : error)
            } else {
                result = state.lastStatus.map { $0 == 0 ? "ok (file)" : "ok (\($0))" } ?? "ok"
            }
            rows.append([
                feed.name, result, time(state.lastPoll), time(state.lastSuccess), time(try store.nextPoll(feed: feed.name)),
                "\(state.consecutiveErrors)", "\(seen[feed.name] ?? 0)",
                state.fetchURL == feed.url ? feed.shownURL
                    : "\(feed.shownURL) (moved to \(URLRedaction.redact(state.fetchURL)))",
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        for row in rows {
            print(zip(row, widths).enumerated().map { index, cell in
                index == row.count - 1 ? cell.0 : cell.0 + String(repeating: " ", count: cell.1 - cell.0.count)
            }.joined(separator: "  "))
        }
    }

    func time(_ date: Date?) -> String {
        date.map { RFC3339.string($0).replacingOccurrences(of: "T", with: " ") } ?? "-"
    }
}
