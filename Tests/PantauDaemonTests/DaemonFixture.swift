import Foundation
import PantauTestSupport
import Logging
import PantauConfig
import PantauDaemon

/// Paths into the repository and a fresh state/log location per test.
struct DaemonFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
    let scratch = ScratchDirectory("pantau-daemon")
    var directory: String { scratch.path }
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    var alertsLog: String { directory + "/alerts.jsonl" }

    /// Polls `condition` until it holds or `seconds` pass (slow machines, sanitizers).
    func waitFor(seconds: Int = 15, _ condition: () throws -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while try !condition() && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    }

    /// The shipped sample configuration with state and log redirected here and `feeds`
    /// instead of the demo feed (when given).
    func configuration(feeds: [FeedConfig]? = nil) throws -> PantauConfiguration {
        var config = try ConfigLoader(environment: [:]).load(path: Self.repository + "/etc/pantau/pantau.toml")
        config.daemon.stateDirectory = directory + "/state"
        config.daemon.alertsLog = alertsLog
        if let feeds { config.feeds = feeds }
        return config
    }

    /// The alerts log's records, parsed.
    func alerts() throws -> [AlertRecord] {
        guard let text = try? String(contentsOfFile: alertsLog, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(AlertRecord.self, from: Data($0.utf8)) }
    }

    /// Runs one `--once` poll with a fresh daemon (as a new process would).
    func runOnce(_ config: PantauConfiguration) async throws -> RunSummary {
        let daemon = try Daemon(configuration: config, logger: logger)
        return await daemon.run(once: true)
    }
}
