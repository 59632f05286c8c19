import ArgumentParser
import Foundation
import Logging
import PantauConfig
import PantauDaemon

/// `pantau run`: the daemon in the foreground.
struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll the configured feeds and append alerts to the alerts log.",
        discussion: """
            Runs until SIGTERM or SIGINT (then exits 0). SIGHUP reloads the configuration and \
            watch lists (a bad one is refused and the daemon keeps running); SIGUSR1 reopens the \
            alerts log. Under systemd it reports READY, STATUS, WATCHDOG, RELOADING and STOPPING \
            through $NOTIFY_SOCKET. With --once, polls every feed once, waits for the alerts to be \
            written, prints a summary and exits (3 if some feed failed).
            """
    )

    @OptionGroup var options: ConfigOptions

    @Flag(help: "Poll every feed once, then exit.")
    var once = false

    @Option(help: ArgumentHelp("Override [daemon] state_dir.", valueName: "DIR"))
    var stateDir: String?

    @Option(help: ArgumentHelp("Override [daemon] alerts_log.", valueName: "FILE"))
    var alertsLog: String?

    @Flag(help: ArgumentHelp("Benchmark mode: fetch and classify every feed but parse nothing.", visibility: .hidden))
    var fetchOnly = false

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
    var logLevel: Logger.Level = .info

    /// The configuration with the command-line overrides applied.
    func apply(_ configuration: PantauConfiguration) -> PantauConfiguration {
        var configuration = configuration
        let cwd = FileManager.default.currentDirectoryPath
        if let stateDir { configuration.daemon.stateDirectory = absolutePath(stateDir, cwd) }
        if let alertsLog { configuration.daemon.alertsLog = absolutePath(alertsLog, cwd) }
        return configuration
    }

    func run() async throws {
        // Until the signal watcher below takes over, SIGHUP and SIGUSR1 are recorded, not
        // fatal; the watcher then handles each that arrived.
        EarlySignals.hold([SIGHUP, SIGUSR1])
        let configuration = apply(try options.load())
        let level = logLevel
        LoggingSystem.bootstrap { label in SystemdLogHandler(label: label, level: level) }
        let logger = Logger(label: "pantau")

        let daemon: Daemon
        do {
            daemon = try Daemon(configuration: configuration, logger: logger, notifier: ServiceNotifier())
        } catch {
            printError("pantau: cannot start: \(error)")
            throw ExitCode(1)
        }
        let command = self
        let signals = SignalWatcher(signals: [SIGTERM, SIGINT, SIGHUP, SIGUSR1]) { number in
            switch number {
            case SIGHUP:
                logger.notice("SIGHUP: reloading the configuration", metadata: ["config": "\(command.options.path)"])
                daemon.reloadIfChanged { command.options.tryLoad().map(command.apply) }
            case SIGUSR1:
                daemon.reopenLog()
            default:
                logger.notice("signal received, stopping", metadata: ["signal": "\(number == SIGTERM ? "TERM" : "INT")"])
                daemon.stop()
            }
        }
        defer { signals.cancel() }

        let summary = await daemon.run(once: once, fetchOnly: fetchOnly)
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
