import Foundation
import PantauTestSupport
import Synchronization
import Testing

/// A feed whose item count the test raises; every item says "kirim pasukan".
final class GrowingFeed: Sendable {
    final class Count: Sendable {
        let value = Mutex(1)
    }

    let count = Count()
    let server: TestHTTPServer

    init() throws {
        let count = self.count
        server = try TestHTTPServer { _ in
            let n = count.value.withLock { $0 }
            let items = (1...max(1, n)).map { "<item><guid>item-\($0)</guid><title>Rusia kirim pasukan gelombang \($0)</title></item>" }
            return .init(body: "<rss version=\"2.0\"><channel>" + items.joined() + "</channel></rss>")
        }
    }

    func publish() { count.value.withLock { $0 += 1 } }
    var url: String { server.baseURL + "/feed.xml" }
}

/// The daemon under a fake systemd: sd_notify socket, watchdog, directories, signals.
@Suite(.serialized) struct SystemdIntegrationTests {
    let scratch = ScratchDirectory("pantau-systemd")
    var directory: String { scratch.path }

    func writeConfig(feed: String, severity: String = "high", pollInterval: String = "0.2") throws {
        try FileManager.default.createDirectory(atPath: directory + "/etc/watch.d", withIntermediateDirectories: true)
        // No state_dir / alerts_log: systemd's directories are the defaults.
        try "[daemon]\npoll_interval = \(pollInterval)\n\n[[feed]]\nname = \"growing\"\nurl = \"\(feed)\"\n"
            .write(toFile: directory + "/etc/pantau.toml", atomically: true, encoding: .utf8)
        try "[[watch]]\nname = \"troops\"\nseverity = \"\(severity)\"\nany = [\"kirim pasukan\"]\n"
            .write(toFile: directory + "/etc/watch.d/10-troops.toml", atomically: true, encoding: .utf8)
    }

    /// Starts `pantau run` the way systemd would, with WATCHDOG_PID set to the daemon's own pid
    /// (no watchdog when `watchdogUSec` is nil).
    func startDaemon(notify: NotifyListener, watchdogUSec: Int? = 200_000) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "WATCHDOG_PID=$$ exec \"$0\" \"$@\"", PantauProcess.executable, "run", "--config", directory + "/etc/pantau.toml"]
        var env = ProcessInfo.processInfo.environment
        env["NOTIFY_SOCKET"] = notify.address
        env["WATCHDOG_USEC"] = watchdogUSec.map(String.init)
        env["STATE_DIRECTORY"] = directory + "/state"
        env["LOGS_DIRECTORY"] = directory + "/logs"
        env["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = env
        _ = FileManager.default.createFile(atPath: directory + "/daemon.log", contents: nil)
        let log = FileHandle(forWritingAtPath: directory + "/daemon.log")!
        process.standardOutput = log
        process.standardError = log
        try process.run()
        return process
    }

    /// Runs `body` with a growing feed, a config for it, a notify socket and `pantau run`
    /// started on them (stopped afterwards if still running).
    func withDaemon(pollInterval: String = "0.2", watchdogUSec: Int? = 200_000, _ body: (GrowingFeed, NotifyListener, Process) async throws -> Void) async throws {
        let feed = try GrowingFeed()
        defer { feed.server.stop() }
        try writeConfig(feed: feed.url, pollInterval: pollInterval)
        let notify = try NotifyListener(abstract: false)
        defer { notify.close() }
        let daemon = try startDaemon(notify: notify, watchdogUSec: watchdogUSec)
        defer { if daemon.isRunning { daemon.terminate() } }
        try await body(feed, notify, daemon)
    }

    func alertLines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    func waitUntil(_ what: String, timeout: Double = 10, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { throw NotifyTimeout(description: what, messages: []) }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    @Test func tellsSystemdTheTruthThroughAStartReloadRotateAndStop() async throws {
        try await withDaemon { feed, notify, daemon in
            // Start: READY, STATUS, and watchdog pings from the event loop.
            let ready = try notify.wait(for: "READY=1") { $0.contains("READY=1") }
            #expect(notify.messages[ready].contains("STATUS="))
            let firstPing = try notify.wait(for: "WATCHDOG=1", from: ready) { $0 == "WATCHDOG=1" }
            try notify.wait(for: "second WATCHDOG=1", from: firstPing + 1) { $0 == "WATCHDOG=1" }
            try notify.wait(for: "STATUS with an alert") { $0.contains("STATUS=") && $0.contains("1 alert today") }

            // systemd's directories were used.
            let log = directory + "/logs/alerts.jsonl"
            #expect(FileManager.default.fileExists(atPath: directory + "/state/state.sqlite"))
            try waitUntil("first alert") { alertLines(log).count == 1 }

            // A good reload: RELOADING=1 with MONOTONIC_USEC, then READY=1.
            try writeConfig(feed: feed.url, severity: "critical")
            var mark = notify.messages.count
            kill(daemon.processIdentifier, SIGHUP)
            let reloading = try notify.wait(for: "RELOADING=1", from: mark) { $0.hasPrefix("RELOADING=1") }
            #expect(notify.messages[reloading].contains("MONOTONIC_USEC="))
            try notify.wait(for: "READY=1 after reload", from: reloading) { $0.hasPrefix("READY=1") }

            // A bad reload is refused: still running, old config, the problem's location in STATUS.
            try "[[watch]]\nname = \"troops\"\nseverity = \"urgent\"\nany = [\"kirim pasukan\"]\n"
                .write(toFile: directory + "/etc/watch.d/10-troops.toml", atomically: true, encoding: .utf8)
            mark = notify.messages.count
            kill(daemon.processIdentifier, SIGHUP)
            let refused = try notify.wait(for: "refused reload STATUS", from: mark) { $0.contains("READY=1") && $0.contains("reload refused") }
            #expect(notify.messages[refused].contains("10-troops.toml:3:1: severity must be one of"))
            #expect(daemon.isRunning)
            feed.publish()
            try waitUntil("alert raised under the previous config") { alertLines(log).count == 2 }
            #expect(alertLines(log).last?.contains("\"severity\":\"critical\"") == true)

            // Rotation: move the log away, SIGUSR1, new alerts go to a new file, none twice.
            try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
            kill(daemon.processIdentifier, SIGUSR1)
            try waitUntil("reopened log") { FileManager.default.fileExists(atPath: log) }
            feed.publish()
            try waitUntil("alert in the new log") { alertLines(log).count == 1 }
            #expect(alertLines(log + ".1").count == 2)
            #expect(alertLines(log)[0].contains("item-3"))

            // Stop: STOPPING=1, exit 0 well within 10 s.
            mark = notify.messages.count
            let stopAt = Date()
            kill(daemon.processIdentifier, SIGTERM)
            try notify.wait(for: "STOPPING=1", from: mark) { $0.contains("STOPPING=1") }
            daemon.waitUntilExit()
            #expect(daemon.terminationReason == .exit && daemon.terminationStatus == 0)
            #expect(Date().timeIntervalSince(stopAt) < 10)
        }
    }

    @Test func notifiesThroughAnAbstractSocketToo() throws {
        let feed = try GrowingFeed()
        defer { feed.server.stop() }
        try writeConfig(feed: feed.url)
        let notify = try NotifyListener(abstract: true)
        defer { notify.close() }
        let daemon = try startDaemon(notify: notify)
        try notify.wait(for: "READY=1 on @socket") { $0.contains("READY=1") }
        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
        #expect(notify.messages.contains { $0.contains("STOPPING=1") })
    }

    @Test func keepsTheRunningConfigurationWhenAReloadFindsItsFilesUnchanged() async throws {
        try await withDaemon { feed, notify, daemon in
            try notify.wait(for: "READY=1") { $0.contains("READY=1") }
            let daemonLog = { (try? String(contentsOfFile: directory + "/daemon.log", encoding: .utf8)) ?? "" }

            // Nothing changed: systemd still sees RELOADING=1 … READY=1; nothing is parsed.
            var mark = notify.messages.count
            kill(daemon.processIdentifier, SIGHUP)
            var reloading = try notify.wait(for: "RELOADING=1", from: mark) { $0.hasPrefix("RELOADING=1") }
            try notify.wait(for: "READY=1 after an unchanged reload", from: reloading) { $0.hasPrefix("READY=1") }
            try waitUntil("unchanged in the log") { daemonLog().contains("configuration files unchanged") }
            #expect(!daemonLog().contains("configuration reloaded"))

            // A refused reload, then the file put back as it was: the error is gone, since the
            // files say again what runs.
            try "[[watch]]\nname = \"troops\"\nseverity = \"urgent\"\nany = [\"kirim pasukan\"]\n"
                .write(toFile: directory + "/etc/watch.d/10-troops.toml", atomically: true, encoding: .utf8)
            mark = notify.messages.count
            kill(daemon.processIdentifier, SIGHUP)
            try notify.wait(for: "refused reload STATUS", from: mark) { $0.contains("READY=1") && $0.contains("reload refused") }
            try writeConfig(feed: feed.url)
            mark = notify.messages.count
            kill(daemon.processIdentifier, SIGHUP)
            let ready = try notify.wait(for: "READY=1 after the file was put back", from: mark) { $0.hasPrefix("READY=1") }
            #expect(notify.messages[ready].contains("STATUS="))
            #expect(!notify.messages[ready].contains("reload refused"))
            #expect(!daemonLog().contains("configuration reloaded"))

            // A real change is parsed and applied.
            try writeConfig(feed: feed.url, severity: "critical")
            mark = notify.messages.count
            kill(daemon.processIdentifier, SIGHUP)
            reloading = try notify.wait(for: "RELOADING=1 for a change", from: mark) { $0.hasPrefix("RELOADING=1") }
            try notify.wait(for: "READY=1 after a change", from: reloading) { $0.hasPrefix("READY=1") }
            try waitUntil("reloaded in the log") { daemonLog().contains("configuration reloaded") }
            feed.publish()
            let log = directory + "/logs/alerts.jsonl"
            try waitUntil("an alert under the new config") { alertLines(log).contains { $0.contains("item-2") } }
            #expect(alertLines(log).last?.contains("\"severity\":\"critical\"") == true)
            kill(daemon.processIdentifier, SIGTERM)
            daemon.waitUntilExit()
            #expect(daemon.terminationStatus == 0)
        }
    }

    /// Voluntary context switches of each of `pid`'s threads.
    func switchesByThread(_ pid: Int32) -> [String: Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        var result: [String: Int] = [:]
        for task in tasks {
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("voluntary_ctxt_switches:") }),
                  let count = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) else { continue }
            result[task] = count
        }
        return result
    }

    @Test func sleepsBetweenPolls() async throws {
        try await withDaemon(pollInterval: "\"1h\"", watchdogUSec: nil) { _, notify, daemon in
            try notify.wait(for: "READY=1") { $0.contains("READY=1") }
            try waitUntil("first alert") { alertLines(directory + "/logs/alerts.jsonl").count == 1 }
            try await Task.sleep(for: .milliseconds(1500))      // the sink task's pass after the delivery

            // Idle until the next poll an hour away: only libdispatch's own thread-pool monitor
            // (once a second, on its manager thread) and the 5 s housekeeping timer may wake it.
            // A task polling every second (as the sink task once did) adds two switches a second.
            let before = switchesByThread(daemon.processIdentifier)
            try await Task.sleep(for: .seconds(3))
            let after = switchesByThread(daemon.processIdentifier)
            let woken = after.reduce(0) { sum, thread in sum + (before[thread.key].map { thread.value - $0 } ?? 0) }
            #expect(woken <= 6, "\(woken) context switches in 3 s of idling")
            kill(daemon.processIdentifier, SIGTERM)
            daemon.waitUntilExit()
            #expect(daemon.terminationStatus == 0)
        }
    }
}
