import ArgumentParser
import Foundation
import Logging
import PantauDaemon

/// `pantau run`: the daemon in the foreground.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll the configured feeds and append alerts to the alerts log.",
        discussion: "Runs until SIGTERM or SIGINT (then exits 0). With --once, polls every feed once, waits for the alerts to be written, prints a summary and exits (3 if some feed failed)."
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Poll every feed once, then exit.")
    var once = false

    @Option(help: ArgumentHelp("Override [daemon] state_dir.", valueName: "DIR"))
    var stateDir: String?

    @Option(help: ArgumentHelp("Override [daemon] alerts_log.", valueName: "FILE"))
    var alertsLog: String?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    func run() async throws {
        var configuration = try options.load()
        let cwd = FileManager.default.currentDirectoryPath
        if let stateDir { configuration.daemon.stateDirectory = absolutePath(stateDir, cwd) }
        if let alertsLog { configuration.daemon.alertsLog = absolutePath(alertsLog, cwd) }

        let level = logLevel
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let logger = Logger(label: "pantau")

        let daemon: Daemon
        do {
            daemon = try Daemon(configuration: configuration, logger: logger)
        } catch {
            printError("pantau: cannot start: \(error)")
            throw ExitCode(1)
        }
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT]) { number in
            logger.notice("signal received, stopping", metadata: ["signal": "\(number)"])
            daemon.stop()
        }
        defer { signals.cancel() }

        let summary = await daemon.run(once: once)
        if once {
            print("polled \(summary.feedsPolled) feed(s), \(summary.feedsFailed) failed: \(summary.items) items, \(summary.newItems) new, \(summary.alerts) alert(s)")
            print("alerts log: \(configuration.daemon.alertsLog)")
            if summary.feedsFailed > 0 { throw ExitCode(3) }
        }
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}

/// `path` made absolute against `directory`.
func absolutePath(_ path: String, _ directory: String) -> String {
    path.hasPrefix("/") ? path : ((directory as NSString).appendingPathComponent(path) as NSString).standardizingPath
}
