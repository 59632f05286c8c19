import Foundation
import PantauTestSupport
import Testing

@Suite struct CLITests {
    let scratch = ScratchDirectory("pantau-cli")
    var directory: String { scratch.path }
    var sampleConfig: String { PantauProcess.repository + "/etc/pantau/pantau.toml" }

    @Test func runOncePrintsTheAlertsLogAndAppendsNothingTheSecondTime() throws {
        let args = ["run", "--once", "--config", sampleConfig, "--state-dir", directory + "/state", "--alerts-log", directory + "/alerts.jsonl"]
        let first = try PantauProcess.run(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("alerts log: \(directory)/alerts.jsonl"))
        let lines = try String(contentsOfFile: directory + "/alerts.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(lines.count >= 1)
        let second = try PantauProcess.run(args)
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 new, 0 alert(s)"))
        #expect(try String(contentsOfFile: directory + "/alerts.jsonl", encoding: .utf8).split(separator: "\n").count == lines.count)
    }

    @Test func checkConfigPrintsEveryProblemWithItsLocation() throws {
        try FileManager.default.createDirectory(atPath: directory + "/watch.d", withIntermediateDirectories: true)
        try "[daemon]\nmax_concurrent_fetches = 0\n[[feed]]\nname = \"a\"\nurl = \"gopher://x\"\n".write(toFile: directory + "/pantau.toml", atomically: true, encoding: .utf8)
        try "[[watch]]\nname = \"w\"\nseverity = \"urgent\"\nany = [\"a\"]\n".write(toFile: directory + "/watch.d/w.toml", atomically: true, encoding: .utf8)
        let result = try PantauProcess.run(["check-config", "--config", directory + "/pantau.toml"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines[0].hasPrefix(directory + "/pantau.toml:2:1: max_concurrent_fetches"))
        #expect(lines[1].hasPrefix(directory + "/pantau.toml:5:1: url \"gopher\" must start with http://"))
        #expect(lines[2].hasPrefix(directory + "/watch.d/w.toml:3:1: severity"))
        let ok = try PantauProcess.run(["check-config"], environment: ["PANTAU_CONFIG": sampleConfig])
        #expect(ok.status == 0)
    }

    /// Behind a proxy, an operator sets `http_proxy`/`https_proxy` (and `no_proxy`) in the
    /// unit's environment, as for curl: feeds are fetched through it.
    @Test func feedsAreFetchedThroughTheProxyTheEnvironmentNames() throws {
        let feed = "<rss version=\"2.0\"><channel><item><guid>p1</guid><title>Rusia kirim pasukan ke perbatasan</title></item></channel></rss>"
        let proxy = try TestHTTPServer { request in
            request.path == "http://feeds.pantau.invalid/rss.xml" ? .init(body: feed) : .init(status: 502, body: "no such upstream")
        }
        defer { proxy.stop() }
        try FileManager.default.createDirectory(atPath: directory + "/watch.d", withIntermediateDirectories: true)
        try "[daemon]\nstate_dir = \"state\"\nalerts_log = \"alerts.jsonl\"\n[[feed]]\nname = \"behind\"\nurl = \"http://feeds.pantau.invalid/rss.xml\"\n"
            .write(toFile: directory + "/pantau.toml", atomically: true, encoding: .utf8)
        try "[[watch]]\nname = \"w\"\nany = [\"kirim pasukan\"]\n".write(toFile: directory + "/watch.d/w.toml", atomically: true, encoding: .utf8)
        let run = try PantauProcess.run(["run", "--once", "--config", directory + "/pantau.toml"], environment: ["http_proxy": proxy.baseURL])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 new, 1 alert(s)"), "\(run.stdout)")
        #expect(proxy.requests.map(\.path) == ["http://feeds.pantau.invalid/rss.xml"])
    }

    @Test func sigtermStopsTheDaemonWithExitZero() throws {
        let server = try TestHTTPServer { _ in .init(body: "<rss version=\"2.0\"><channel/></rss>") }
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: directory + "/watch.d", withIntermediateDirectories: true)
        try "[daemon]\nstate_dir = \"state\"\nalerts_log = \"alerts.jsonl\"\n[[feed]]\nname = \"a\"\nurl = \"\(server.baseURL)/rss\"\ninterval = 1\n".write(toFile: directory + "/pantau.toml", atomically: true, encoding: .utf8)
        try "[[watch]]\nname = \"w\"\nany = [\"pasukan\"]\n".write(toFile: directory + "/watch.d/w.toml", atomically: true, encoding: .utf8)
        let (process, _, _) = try PantauProcess.start(["run", "--config", directory + "/pantau.toml"])
        let deadline = Date().addingTimeInterval(10)
        while server.requests.isEmpty && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!server.requests.isEmpty)
        #expect(process.isRunning)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
    }

    @Test func extractPrintsLanguageAndMatches() throws {
        let file = directory + "/doc.txt"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "Korea Utara telah mengirimkan pasukan ke Rusia. Langkah ini dapat memperburuk konflik.".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try PantauProcess.run(["extract", "--config", sampleConfig, file])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["language"] as? String == "id")
        let watches = (json?["matches"] as? [[String: Any]])?.compactMap { $0["watch"] as? String }
        #expect(watches == ["troop-deployment", "military-escalation"])
        #expect(json?["sentences"] as? Int == 2)
        let entities = (json?["entities"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        #expect(entities == ["North Korea", "Russia"])
        let event = (json?["events"] as? [[String: Any]])?.first
        #expect(event?["type"] as? String == "deployment")
        #expect(event?["actor"] as? String == "North Korea")
        #expect(event?["destination"] as? String == "Russia")
        for key in ["quantities", "dates", "quotes", "sources"] { #expect(json?[key] is [Any], "\(key)") }
    }

    @Test func extractResolvesDatesAgainstPublishedAndReadsTheTitle() throws {
        let file = directory + "/dated.txt"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "Pasukan tiba pada Rabu (23/10), kata NIS.".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try PantauProcess.run(["extract", "--published", "2024-10-24T02:15:00Z", "--title", "Korea Utara Kirim Pasukan", file])
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let date = (json?["dates"] as? [[String: Any]])?.first
        #expect(date?["start"] as? String == "2024-10-23")
        #expect(json?["sentences"] as? Int == 2)
        let bad = try PantauProcess.run(["extract", "--published", "yesterday", file])
        #expect(bad.status != 0)
        #expect(bad.stderr.contains("--published yesterday"))
    }

    @Test func testWatchExplainsWhichListsFiredAndWhyOthersDidNot() throws {
        let file = directory + "/doc.txt"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "Korea Utara telah mengirimkan 1.500 tentara ke Rusia.".write(toFile: file, atomically: true, encoding: .utf8)
        let result = try PantauProcess.run(["test-watch", "--config", sampleConfig, "--json", file])
        #expect(result.status == 0, "\(result.stderr)")
        let verdicts = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        let byName = Dictionary(uniqueKeysWithValues: (verdicts ?? []).map { ($0["watch"] as? String ?? "", $0) })
        #expect(byName["troop-deployment"]?["fired"] as? Bool == true)
        #expect(byName["military-escalation"]?["fired"] as? Bool == false)
        #expect((byName["military-escalation"]?["reason"] as? String)?.isEmpty == false)
        let text = try PantauProcess.run(["test-watch", "--config", sampleConfig, file])
        #expect(text.stdout.contains("FIRED  troop-deployment [high]"))
        #expect(text.stdout.contains("no     military-escalation: "))
    }

    @Test func aHeadlineTooShortToTellItsLanguageIsReadAsEnglishAndIndonesian() throws {
        let file = directory + "/headline.txt"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "China deploys troops".write(toFile: file, atomically: true, encoding: .utf8)
        let text = try PantauProcess.run(["test-watch", "--config", sampleConfig, file])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("language other (could not tell: read as en)"))
        #expect(text.stdout.contains("FIRED  troop-deployment [high]"))
        let extract = try PantauProcess.run(["extract", "--config", sampleConfig, file])
        let json = try JSONSerialization.jsonObject(with: Data(extract.stdout.utf8)) as? [String: Any]
        #expect(json?["language"] as? String == "en")
        #expect(json?["language_confidence"] as? Double == 0)
        #expect((json?["matches"] as? [[String: Any]])?.first?["watch"] as? String == "troop-deployment")
        // A language given by the operator is taken as it is.
        let forced = try PantauProcess.run(["test-watch", "--config", sampleConfig, "--lang", "id", file])
        #expect(forced.stdout.contains("no     troop-deployment"))
    }

    @Test func checkConfigExplainShowsStemsAndSurfaceForms() throws {
        let result = try PantauProcess.run(["check-config", "--config", sampleConfig, "--explain", "troop-deployment"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[troop-deployment] severity high"))
        #expect(result.stdout.contains("id: stems [kirim pasukan]"))
        #expect(result.stdout.contains("dikirim"))
        let missing = try PantauProcess.run(["check-config", "--config", sampleConfig, "--explain", "no-such-list"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no watch list named \"no-such-list\""))
    }

    @Test func parseFeedReportsAnUnreadableFeed() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "<html/>".write(toFile: directory + "/bad.xml", atomically: true, encoding: .utf8)
        let result = try PantauProcess.run(["parse-feed", directory + "/bad.xml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(directory + "/bad.xml: unknown feed format"))
    }
}

@Suite struct SystemdDirectoryTests {
    @Test func configurationDirectoryIsTheDefaultConfigLocation() throws {
        let directory = PantauProcess.repository + "/etc/pantau"
        let result = try PantauProcess.run(["check-config"], environment: ["CONFIGURATION_DIRECTORY": directory, "PANTAU_CONFIG": ""].filter { !$0.value.isEmpty })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(directory + "/pantau.toml: ok"))
    }
}
