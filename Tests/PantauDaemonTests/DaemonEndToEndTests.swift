import Foundation
import Logging
import PantauConfig
import PantauStore
import PantauTestSupport
import Synchronization
import Testing
@testable import PantauDaemon

@Suite struct DaemonEndToEndTests {
    let fixture = DaemonFixture()

    @Test func seedFeedRaisesAlertsOnlyForTheArticleAndOnlyOnce() async throws {
        let config = try fixture.configuration()
        let first = try await fixture.runOnce(config)
        #expect(first.feedsPolled == 1 && first.feedsFailed == 0)
        #expect(first.items == 4 && first.newItems == 4)

        let alerts = try fixture.alerts()
        #expect(Set(alerts.map(\.watch)) == ["troop-deployment", "military-escalation"])
        #expect(alerts.allSatisfy { $0.item.id == "seed-000_fd8d562c18a1316d" })
        #expect(alerts.count == first.alerts)

        let troops = try #require(alerts.first { $0.watch == "troop-deployment" })
        // Base high, +1 because the article counts 10,000 troops (boost_count = 5000).
        #expect(troops.severity == "critical")
        #expect(troops.severityReasons == ["base severity high", "count 10000 ≥ 5000: +1 → critical"])
        #expect(troops.language == "id")
        #expect(troops.feed.name == "demo")
        #expect(troops.item.published == "2024-10-24T02:15:00Z")
        #expect(troops.matches.map(\.text).contains("mengirimkan pasukan"))
        #expect(troops.matches.map(\.text).contains("penempatan tentara"))
        #expect(troops.evidence.contains("Korea Utara telah mengirimkan pasukan militernya ke Rusia"))

        let escalation = try #require(alerts.first { $0.watch == "military-escalation" })
        #expect(escalation.matches.map(\.term).contains("perburuk konflik"))
        #expect(escalation.matches.map(\.text).contains("memperburuk konflik"))
        #expect(escalation.matches.map(\.term).contains("eskalasi"))
        #expect(escalation.matches.map(\.term).contains("invasi"))

        // A second run (a new process over the same state) appends nothing.
        let second = try await fixture.runOnce(config)
        #expect(second.newItems == 0 && second.alerts == 0)
        #expect(try fixture.alerts().count == alerts.count)
    }

    @Test func brokenAndMissingFeedsAreReportedAndOthersStillAlert() async throws {
        let good = """
            <rss version="2.0"><channel><item><guid>g1</guid><title>Rusia mengerahkan pasukan ke perbatasan</title></item></channel></rss>
            """
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/good.xml": return .init(body: good)
            case "/broken.xml": return .init(body: "<html><body>Maintenance</body></html>")
            default: return .init(status: 404, body: "not found")
            }
        }
        defer { server.stop() }
        let config = try fixture.configuration(feeds: [
            FeedConfig(name: "broken", url: server.baseURL + "/broken.xml"),
            FeedConfig(name: "gone", url: server.baseURL + "/gone.xml"),
            FeedConfig(name: "good", url: server.baseURL + "/good.xml"),
        ])
        let summary = try await fixture.runOnce(config)
        #expect(summary.feedsPolled == 3)
        #expect(summary.feedsFailed == 2)
        #expect(try fixture.alerts().map(\.feed.name) == ["good"])

        let store = try StateStore(directory: config.daemon.stateDirectory)
        let broken = try #require(try store.feedState("broken"))
        #expect(broken.lastError?.contains("<html>") == true)
        #expect(broken.consecutiveErrors == 1)
        let gone = try #require(try store.feedState("gone"))
        #expect(gone.lastError?.contains("HTTP 404") == true)
        #expect(gone.lastStatus == 404)
    }

    /// Private feeds carry credentials in their URLs: the fetch uses them, but the alert
    /// lines and the stored errors (shown by `pantau status`) do not show them.
    @Test func credentialsInFeedURLsAreUsedButNeverWrittenOut() async throws {
        let body = "<rss version=\"2.0\"><channel><item><guid isPermaLink=\"false\">p1</guid><link>/articles/p1</link><title>Rusia mengerahkan pasukan ke perbatasan</title></item></channel></rss>"
        let expected = "Basic " + Data("alice:s3cret".utf8).base64EncodedString()
        let server = try TestHTTPServer { request in
            request.headers["authorization"] == expected && request.path == "/private.xml?token=T0P"
                ? .init(body: body) : .init(status: 401, body: "who are you?")
        }
        defer { server.stop() }
        let host = server.baseURL.dropFirst("http://".count)
        let config = try fixture.configuration(feeds: [
            FeedConfig(name: "private", url: "http://alice:s3cret@\(host)/private.xml?token=T0P"),
            FeedConfig(name: "refused", url: "http://bob:hunter2@127.0.0.1:1/feed.xml?api_key=K3Y"),
            FeedConfig(name: "denied", url: "http://carol:pw9@\(host)/other.xml?sig=S1G"),
        ])
        let summary = try await fixture.runOnce(config)
        #expect(summary.feedsFailed == 2)

        let alerts = try fixture.alerts()
        #expect(alerts.map(\.feed.url) == ["http://alice:***@\(host)/private.xml?token=***"])
        // A relative link resolves against the feed's URL without its user part.
        #expect(alerts.map(\.item.link) == ["http://\(host)/articles/p1"])
        let log = try String(contentsOfFile: config.daemon.alertsLog, encoding: .utf8)
        #expect(!log.contains("s3cret") && !log.contains("T0P"))

        let store = try StateStore(directory: config.daemon.stateDirectory)
        let refused = try #require(try store.feedState("refused")?.lastError)
        #expect(refused.contains("http://bob:***@127.0.0.1:1/feed.xml?api_key=***"))
        #expect(!refused.contains("hunter2") && !refused.contains("K3Y"))
        let denied = try #require(try store.feedState("denied")?.lastError)
        #expect(denied.hasPrefix("HTTP 401 from http://carol:***@\(host)/other.xml?sig=***"))
        #expect(!denied.contains("pw9") && !denied.contains("S1G"))
    }

    @Test func unchangedFeedIsNotParsedAgainOn304() async throws {
        let body = "<rss version=\"2.0\"><channel><item><guid>x</guid><title>Kirim pasukan</title></item></channel></rss>"
        let server = try TestHTTPServer { request in
            request.headers["if-none-match"] == "\"v1\"" ? .init(status: 304) : .init(headers: [("ETag", "\"v1\"")], body: body)
        }
        defer { server.stop() }
        let config = try fixture.configuration(feeds: [FeedConfig(name: "etag", url: server.baseURL + "/rss")])
        let first = try await fixture.runOnce(config)
        #expect(first.items == 1)
        let second = try await fixture.runOnce(config)
        #expect(second.items == 0 && second.feedsFailed == 0)
        #expect(server.requests.last?.headers["if-none-match"] == "\"v1\"")
        let state = try StateStore(directory: config.daemon.stateDirectory).feedState("etag")
        #expect(state?.lastStatus == 304)
    }

    @Test func logsAPollAtInfoOnlyWhenItBroughtSomethingNew() async throws {
        final class Lines: Sendable {
            let all = Mutex<[String]>([])
            func polled() -> [String] { all.withLock { $0 }.filter { $0.contains("feed polled") } }
        }
        let body = "<rss version=\"2.0\"><channel><item><guid>x</guid><title>Cuaca cerah di Bandung</title></item></channel></rss>"
        let server = try TestHTTPServer { request in
            request.headers["if-none-match"] == "\"v1\"" ? .init(status: 304) : .init(headers: [("ETag", "\"v1\"")], body: body)
        }
        defer { server.stop() }
        let config = try fixture.configuration(feeds: [FeedConfig(name: "quiet", url: server.baseURL + "/rss")])
        func poll(level: Logger.Level) async throws -> Lines {
            let lines = Lines()
            let logger = Logger(label: "t", factory: { _ in SystemdLogHandler(label: "t", level: level) { line in lines.all.withLock { $0.append(line) } } })
            _ = try await Daemon(configuration: config, logger: logger).run(once: true)
            return lines
        }
        // A new item (no alert): info.
        let first = try await poll(level: .info).polled()
        #expect(first.count == 1 && first[0].hasPrefix("<6>feed polled") && first[0].contains("new=1"))
        // A 304: nothing at info, a debug line for whoever asks.
        #expect(try await poll(level: .info).polled().isEmpty)
        let debug = try await poll(level: .debug).polled()
        #expect(debug.count == 1 && debug[0].hasPrefix("<7>feed polled") && debug[0].contains("status=304"))
    }

    /// A SIGHUP held while `pantau run` starts is handled before the driver exists: the
    /// reload waits for it instead of being dropped.
    @Test func aReloadAskedForBeforePollingStartsIsAppliedOnceItDoes() async throws {
        let body = "<rss version=\"2.0\"><channel><item><guid>x</guid><title>Cuaca cerah</title></item></channel></rss>"
        let first = try TestHTTPServer { _ in .init(body: body) }
        defer { first.stop() }
        let added = try TestHTTPServer { _ in .init(body: body) }
        defer { added.stop() }
        var config = try fixture.configuration(feeds: [FeedConfig(name: "first", url: first.baseURL + "/", interval: 3600)])
        config.inputs = nil     // made in code: compared by content, not by its files
        var reloaded = config
        reloaded.feeds.append(FeedConfig(name: "added", url: added.baseURL + "/", interval: 3600))
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        daemon.reloadIfChanged { [reloaded] in .success(reloaded) }
        async let summary = daemon.run(once: false)
        try await fixture.waitFor { added.requests.count >= 1 }
        #expect(added.requests.count == 1)
        daemon.stop()
        _ = await summary
    }

    @Test func changedURLDropsOldValidators() async throws {
        let server = try TestHTTPServer { _ in .init(headers: [("ETag", "\"v1\"")], body: "<rss version=\"2.0\"><channel/></rss>") }
        defer { server.stop() }
        _ = try await fixture.runOnce(try fixture.configuration(feeds: [FeedConfig(name: "f", url: server.baseURL + "/a")]))
        _ = try await fixture.runOnce(try fixture.configuration(feeds: [FeedConfig(name: "f", url: server.baseURL + "/b")]))
        #expect(server.requests.map(\.path) == ["/a", "/b"])
        #expect(server.requests[1].headers["if-none-match"] == nil)
    }

    @Test func continuousRunPollsUntilStopped() async throws {
        let server = try TestHTTPServer { _ in .init(body: "<rss version=\"2.0\"><channel/></rss>") }
        defer { server.stop() }
        var config = try fixture.configuration(feeds: [FeedConfig(name: "fast", url: server.baseURL + "/", interval: 0.05)])
        config.daemon.pollInterval = 0.05
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        async let summary = daemon.run(once: false)
        let deadline = ContinuousClock.now + .seconds(20)
        while server.requests.count < 3 && ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        daemon.stop()
        let result = await summary
        #expect(result.feedsPolled >= 3)
        #expect(result.feedsFailed == 0)
    }

    @Test func seenItemsOfAFeedThatAlertsOnNothingReachTheStateWhileTheDaemonRuns() async throws {
        // Nothing here fires a watch list, so no delivery writes the staged commit: the end
        // of the poll wave does (or, at the latest, the housekeeping tick; a loaded test
        // machine may not see the first within a few seconds).
        let server = try TestHTTPServer { _ in
            .init(body: "<rss version=\"2.0\"><channel><item><guid>1</guid><title>Cuaca cerah</title></item><item><guid>2</guid><title>Harga beras</title></item></channel></rss>")
        }
        defer { server.stop() }
        let config = try fixture.configuration(feeds: [FeedConfig(name: "quiet", url: server.baseURL + "/", interval: 3600)])
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        async let summary = daemon.run(once: false)
        try await fixture.waitFor { try daemon.store.seenCount(feed: "quiet") == 2 }
        #expect(try daemon.store.seenCount(feed: "quiet") == 2)
        #expect(daemon.store.stagedCount == 0)
        daemon.stop()
        _ = await summary
    }

    @Test func aSecondDaemonOnTheSameStateIsRefused() async throws {
        let config = try fixture.configuration()
        let first = try Daemon(configuration: config, logger: fixture.logger)
        #expect { try Daemon(configuration: config, logger: fixture.logger) } throws: { error in
            "\(error)".contains("in use by pid \(getpid())")
        }
        _ = first
    }
}
