import Foundation
import PantauTestSupport
import Testing

/// Kill -9 at random moments must leave every alert in the log exactly once.
@Suite(.serialized) struct CrashSafetyTests {
    let scratch = ScratchDirectory("pantau-crash")
    var directory: String { scratch.path }

    @Test func sigkillAtRandomMomentsNeverLosesOrRepeatsAnAlert() throws {
        // A server that publishes a new matching item on every request (bounded).
        let feed = try GrowingFeed()
        defer { feed.server.stop() }
        try FileManager.default.createDirectory(atPath: directory + "/watch.d", withIntermediateDirectories: true)
        try """
            [daemon]
            state_dir = "state"
            alerts_log = "alerts.jsonl"
            poll_interval = 0.01

            [[feed]]
            name = "a"
            url = "\(feed.url)"

            [[feed]]
            name = "b"
            url = "\(feed.url)?b"
            """.write(toFile: directory + "/pantau.toml", atomically: true, encoding: .utf8)
        try "[[watch]]\nname = \"troops\"\nany = [\"kirim pasukan\"]\n[[watch]]\nname = \"russia\"\nany = [\"rusia\"]\n"
            .write(toFile: directory + "/watch.d/w.toml", atomically: true, encoding: .utf8)

        var generator = SystemRandomNumberGenerator()
        let kills = 25
        for _ in 0..<kills {
            let (process, _, _) = try PantauProcess.start(["run", "--config", directory + "/pantau.toml", "--log-level", "critical"])
            feed.publish()
            Thread.sleep(forTimeInterval: Double.random(in: 0.02...0.25, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)
        }
        // A last clean poll delivers whatever the kills left in the outbox.
        let final = try PantauProcess.run(["run", "--once", "--config", directory + "/pantau.toml"])
        #expect(final.status == 0, "\(final.stderr)")

        let published = feed.count.value.withLock { $0 }
        let text = try String(contentsOfFile: directory + "/alerts.jsonl", encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        var ids: [String] = []
        var items = Set<String>()
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "unparseable line: \(line)")
            ids.append(try #require(object["alert_id"] as? String))
            let item = try #require(object["item"] as? [String: Any])
            let feedName = try #require((object["feed"] as? [String: Any])?["name"] as? String)
            items.insert("\(feedName)/\(object["watch"]!)/\(item["id"]!)")
        }
        // Exactly once: no id repeats, and every (feed, watch, item) the server published is there.
        #expect(Set(ids).count == ids.count, "duplicated alerts")
        var expected = Set<String>()
        for n in 1...published {
            for feedName in ["a", "b"] {
                for watch in ["troops", "russia"] { expected.insert("\(feedName)/\(watch)/item-\(n)") }
            }
        }
        #expect(items == expected, "missing: \(expected.subtracting(items).sorted().prefix(5)), extra: \(items.subtracting(expected).sorted().prefix(5))")
    }
}
