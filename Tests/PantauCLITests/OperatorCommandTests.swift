import Foundation
import PantauTestSupport
import Testing

/// `pantau status` and `pantau alerts`, as an operator runs them.
@Suite struct OperatorCommandTests {
    let scratch = ScratchDirectory("pantau-ops")
    var directory: String { scratch.path }
    var sampleConfig: String { PantauProcess.repository + "/etc/pantau/pantau.toml" }
    var demoArgs: [String] { ["--config", sampleConfig, "--state-dir", directory + "/state"] }

    func pollDemo() throws {
        let run = try PantauProcess.run(["run", "--once", "--alerts-log", directory + "/alerts.jsonl"] + demoArgs)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func statusShowsEveryFeedAndTheCounters() throws {
        try pollDemo()
        let status = try PantauProcess.run(["status"] + demoArgs)
        #expect(status.status == 0, "\(status.stderr)")
        let lines = status.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "state: \(directory)/state/state.sqlite")
        #expect(lines.contains { $0.hasPrefix("daemon: 1 feed, last poll ") && $0.contains("2 alerts today, 0 failing; 0 alert(s) waiting for the log") }, "\(lines)")
        let header = try #require(lines.first { $0.hasPrefix("FEED") })
        #expect(header.contains("LAST RESULT") && header.contains("NEXT POLL") && header.contains("ERRORS") && header.contains("SEEN"))
        let row = try #require(lines.first { $0.hasPrefix("demo ") })
        #expect(row.contains("ok (file)"))
        #expect(row.contains(" 4 "))  // items seen
    }

    @Test func statusAsJSONGivesEveryFeedForMonitoring() throws {
        try pollDemo()
        let status = try PantauProcess.run(["status", "--json"] + demoArgs)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.split(separator: "\n").count == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any])
        #expect(report["state"] as? String == "\(directory)/state/state.sqlite")
        #expect(report["waiting_for_log"] as? Int == 0)
        let daemon = try #require(report["daemon"] as? [String: Any])
        #expect(daemon["alerts_today"] as? Int == 2)
        #expect(daemon["failing"] as? [String] == [])
        #expect((daemon["last_poll"] as? String)?.hasSuffix("Z") == true)
        let feeds = try #require(report["feeds"] as? [[String: Any]])
        #expect(feeds.count == 1)
        let demo = try #require(feeds.first)
        #expect(demo["name"] as? String == "demo")
        #expect(demo["result"] as? String == "ok")
        #expect(demo["last_status"] as? Int == 0)      // a local file
        #expect(demo["seen"] as? Int == 4)
        #expect(demo["consecutive_errors"] as? Int == 0)
        #expect(demo["last_error"] == nil && demo["moved_to"] == nil)
        #expect(demo["last_poll"] as? String == demo["last_success"] as? String)
    }

    /// A private feed's URL carries its credentials: the run's log and `pantau status` show
    /// it without them.
    @Test func statusAndTheLogShowFeedURLsWithoutTheirSecrets() throws {
        let config = directory + "/private.toml"
        try FileManager.default.createDirectory(atPath: directory + "/watch.d", withIntermediateDirectories: true)
        try "[[watch]]\nname = \"troops\"\nany = [\"kirim pasukan\"]\n".write(toFile: directory + "/watch.d/troops.toml", atomically: true, encoding: .utf8)
        try """
            [daemon]
            state_dir = "state"
            alerts_log = "alerts.jsonl"

            [[feed]]
            name = "private"
            url = "http://alice:s3cret@127.0.0.1:1/feed.xml?token=T0P"
            """.write(toFile: config, atomically: true, encoding: .utf8)
        let run = try PantauProcess.run(["run", "--once", "--config", config])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("feed poll failed") && run.stderr.contains("http://alice:***@127.0.0.1:1/feed.xml?token=***"))
        let status = try PantauProcess.run(["status", "--config", config])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("http://alice:***@127.0.0.1:1/feed.xml?token=***"))
        let json = try PantauProcess.run(["status", "--json", "--config", config])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let feed = try #require((report["feeds"] as? [[String: Any]])?.first)
        #expect(feed["url"] as? String == "http://alice:***@127.0.0.1:1/feed.xml?token=***")
        #expect(feed["result"] as? String == "error")
        #expect(feed["consecutive_errors"] as? Int == 1)
        #expect((feed["last_error"] as? String)?.isEmpty == false)
        #expect(feed["last_success"] == nil)
        for output in [run.stdout, run.stderr, status.stdout, json.stdout] {
            #expect(!output.contains("s3cret") && !output.contains("T0P"))
        }
    }

    @Test func statusWithoutStateSaysSo() throws {
        let status = try PantauProcess.run(["status"] + demoArgs)
        #expect(status.status == 1)
        #expect(status.stderr.contains("no state yet"))
    }

    @Test func alertsPrintsAnAlignedSummaryAndFilters() throws {
        try pollDemo()
        let log = directory + "/alerts.jsonl"
        let all = try PantauProcess.run(["alerts", "--alerts-log", log])
        #expect(all.status == 0)
        let rows = all.stdout.split(separator: "\n").filter { !$0.hasPrefix("    ") }
        #expect(rows.count == 2)
        // Columns line up: the watch column starts at the same offset in every row.
        let titleOffsets = rows.map { $0.range(of: "NATO Ungkap")!.lowerBound.utf16Offset(in: $0) }
        #expect(Set(titleOffsets).count == 1)
        #expect(all.stdout.contains("    https://demo.pantau.invalid/internasional/nato-korea-utara-rusia"))

        let critical = try PantauProcess.run(["alerts", "--alerts-log", log, "--severity", "critical", "--json"])
        #expect(critical.stdout.split(separator: "\n").count == 2)      // troop-deployment is boosted to critical
        let escalation = try PantauProcess.run(["alerts", "--alerts-log", log, "--severity", "critical", "--watch", "military-escalation", "--json"])
        let lines = escalation.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(lines.first?.contains("\"watch\":\"military-escalation\"") == true)
        let none = try PantauProcess.run(["alerts", "--alerts-log", log, "--since", "2020-01-01", "--watch", "nope", "--json"])
        #expect(none.stdout.isEmpty)
        let bad = try PantauProcess.run(["alerts", "--alerts-log", log, "--since", "soon"])
        #expect(bad.status != 0)
    }

    @Test func alertsFollowKeepsReadingAcrossRotation() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = directory + "/alerts.jsonl"
        func record(_ id: String) -> String {
            "{\"alert_id\":\"\(id)\",\"evidence\":\"e\",\"feed\":{\"name\":\"f\",\"url\":\"u\"},\"item\":{\"id\":\"\(id)\",\"title\":\"t\"},\"language\":\"id\",\"matches\":[],\"schema\":1,\"severity\":\"high\",\"time\":\"2026-11-27T05:00:00Z\",\"watch\":\"w\"}\n"
        }
        try record("one").write(toFile: log, atomically: false, encoding: .utf8)
        let output = directory + "/follow.out"
        _ = FileManager.default.createFile(atPath: output, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PantauProcess.executable)
        process.arguments = ["alerts", "--alerts-log", log, "--follow", "--json"]
        process.standardOutput = FileHandle(forWritingAtPath: output)
        // Never the runner's own stderr: a child outliving a crashed test must not hold it open.
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate() }
        func seen() -> String { (try? String(contentsOfFile: output, encoding: .utf8)) ?? "" }
        func wait(for id: String) {
            let deadline = Date().addingTimeInterval(10)
            while !seen().contains("\"alert_id\":\"\(id)\"") && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        }
        wait(for: "one")
        try FileManager.default.moveItem(atPath: log, toPath: log + ".1")
        try record("two").write(toFile: log, atomically: false, encoding: .utf8)
        wait(for: "two")
        #expect(seen().split(separator: "\n").map { $0.contains("\"one\"") ? "one" : "two" } == ["one", "two"])
    }
}

/// The unit file and the install target, checked with the tools operators use.
@Suite struct PackagingTests {
    static let hasSystemdAnalyze = FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze")
    let scratch = ScratchDirectory("pantau-pkg")
    var directory: String { scratch.path }

    /// The shipped unit with ExecStart pointing at the built binary (verify checks it exists).
    func unit() throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: PantauProcess.repository + "/systemd/pantau.service", encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/pantau", with: PantauProcess.executable)
        let path = directory + "/pantau.service"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test(.enabled(if: hasSystemdAnalyze)) func unitVerifiesWithoutAWord() throws {
        let (status, output) = try run("/usr/bin/systemd-analyze", ["verify", try unit()],
                                       environment: ["MANPATH": PantauProcess.repository + "/docs/man"])
        #expect(status == 0)
        #expect(output.isEmpty, "\(output)")
    }

    @Test(.enabled(if: hasSystemdAnalyze)) func unitExposureIsAtMost1Point5() throws {
        let (_, output) = try run("/usr/bin/systemd-analyze", ["security", "--offline=true", try unit()])
        let line = try #require(output.split(separator: "\n").last { $0.contains("Overall exposure level") })
        let score = try #require(line.split(separator: " ").compactMap { Double($0) }.first)
        #expect(score <= 1.5, "\(line)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/make")))
    func makeInstallPutsEverythingInPlaceAndTheInstalledConfigIsValid() throws {
        let root = directory + "/root"
        let (status, output) = try run("/usr/bin/make", ["-C", PantauProcess.repository, "install", "DESTDIR=\(root)", "PREFIX=/usr", "BINARY=\(PantauProcess.executable)"])
        #expect(status == 0, "\(output)")
        for file in ["/usr/bin/pantau", "/etc/pantau/pantau.toml", "/etc/pantau/watch.d/10-troop-deployment.toml",
                     "/etc/systemd/system/pantau.service", "/etc/logrotate.d/pantau", "/usr/share/man/man8/pantau.8",
                     "/usr/share/man/man5/pantau.toml.5", "/usr/share/pantau/seeds/feed.xml"] {
            #expect(FileManager.default.fileExists(atPath: root + file), "\(file) missing")
        }
        let unit = try String(contentsOfFile: root + "/etc/systemd/system/pantau.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/pantau run --config /etc/pantau/pantau.toml"))
        // The installed sample config points at the installed demo feed and validates.
        let config = try String(contentsOfFile: root + "/etc/pantau/pantau.toml", encoding: .utf8)
        #expect(config.contains("path = \"/usr/share/pantau/seeds/feed.xml\""))
        let check = try PantauProcess.run(["check-config", "--config", root + "/etc/pantau/pantau.toml"])
        #expect(check.status == 0, "\(check.stderr)")
        // A second install keeps an operator's edited config.
        try (config + "\n# edited\n").write(toFile: root + "/etc/pantau/pantau.toml", atomically: true, encoding: .utf8)
        _ = try run("/usr/bin/make", ["-C", PantauProcess.repository, "install", "DESTDIR=\(root)", "PREFIX=/usr", "BINARY=\(PantauProcess.executable)"])
        #expect(try String(contentsOfFile: root + "/etc/pantau/pantau.toml", encoding: .utf8).hasSuffix("# edited\n"))
    }
}
