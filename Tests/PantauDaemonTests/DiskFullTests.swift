import Foundation
import PantauConfig
import PantauStore
import PantauTestSupport
import Testing
@testable import PantauDaemon

/// The alerts log on a full disk (`/dev/full` answers every write with ENOSPC).
@Suite struct DiskFullTests {
    let fixture = DaemonFixture()


    @Test func fullDiskKeepsAlertsQueuedUntilTheLogIsWritableAgain() async throws {
        let server = try TestHTTPServer { _ in
            .init(body: "<rss version=\"2.0\"><channel><item><guid>1</guid><title>Rusia kirim pasukan</title></item></channel></rss>")
        }
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: fixture.directory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: fixture.alertsLog, withDestinationPath: "/dev/full")
        var config = try fixture.configuration(feeds: [FeedConfig(name: "f", url: server.baseURL + "/", interval: 3600)])
        config.watches = [.init(name: "troops", severity: .high, any: ["kirim pasukan"])]

        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        async let summary = daemon.run(once: false)
        // The poll commits the alert but cannot write it: it waits in the outbox.
        try await fixture.waitFor { try daemon.store.feedState("f") != nil }
        try await Task.sleep(for: .milliseconds(200))
        #expect(try daemon.store.pendingCount() == 1)

        // The disk has room again (logrotate-style: a new file at the path, then SIGUSR1).
        try FileManager.default.removeItem(atPath: fixture.alertsLog)
        daemon.reopenLog()
        try await fixture.waitFor { try daemon.store.pendingCount() == 0 }
        #expect(try daemon.store.pendingCount() == 0)
        daemon.stop()
        _ = await summary
        let lines = try String(contentsOfFile: fixture.alertsLog, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"watch\":\"troops\"") == true)
    }

    @Test func retriesDeliveryWithBackoffWithoutASignal() async throws {
        let server = try TestHTTPServer { _ in
            .init(body: "<rss version=\"2.0\"><channel><item><guid>1</guid><title>Rusia kirim pasukan</title></item></channel></rss>")
        }
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: fixture.directory, withIntermediateDirectories: true)
        // The log is full; room appears and the descriptor is reopened, but no delivery is
        // triggered: the daemon's own retry timer (1 s, then doubling) must find the alerts.
        var config = try fixture.configuration(feeds: [FeedConfig(name: "f", url: server.baseURL + "/", interval: 3600)])
        config.watches = [.init(name: "troops", severity: .high, any: ["kirim pasukan"])]
        try FileManager.default.createSymbolicLink(atPath: fixture.alertsLog, withDestinationPath: "/dev/full")
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        async let summary = daemon.run(once: false)
        try await fixture.waitFor { try daemon.store.pendingCount() > 0 }
        // Swap the file and reopen without delivering; the retry timer (1 s, then 2 s …) does it.
        try FileManager.default.removeItem(atPath: fixture.alertsLog)
        try daemon.alertLog.reopen()
        try await fixture.waitFor(seconds: 30) { try daemon.store.pendingCount() == 0 }
        #expect(try daemon.store.pendingCount() == 0)
        daemon.stop()
        _ = await summary
        #expect(try String(contentsOfFile: fixture.alertsLog, encoding: .utf8).split(separator: "\n").count == 1)
    }
}
