import Foundation
import PantauConfig
@testable import PantauDaemon
import PantauTestSupport
import PantauWatch
import Synchronization
import Testing

/// Sinks against real receivers on 127.0.0.1: a webhook that is down and comes back, a
/// program reading the alert on stdin, a plain-text log.
@Suite(.serialized) struct SinkTests {
    static let article = """
        <rss version="2.0"><channel><title>T</title><item><guid>a1</guid><title>Korea Utara kirim pasukan ke Rusia</title>
        <description>Korea Utara telah mengirim 1.500 tentara ke Rusia, kata NIS.</description></item></channel></rss>
        """

    func configuration(_ fixture: DaemonFixture, feedURL: String, sinks: [AlertSink]) throws -> PantauConfiguration {
        var config = try fixture.configuration(feeds: [FeedConfig(name: "antara", url: feedURL, language: "id")])
        for i in config.watches.indices where config.watches[i].name == "troop-deployment" { config.watches[i].sinks = sinks }
        return config
    }

    @Test func webhookThatIsDownGetsTheAlertWhenItComesBack() async throws {
        let feed = try TestHTTPServer { _ in .init(body: Self.article) }
        defer { feed.stop() }
        let up = Mutex(false)
        let receiver = try TestHTTPServer { _ in up.withLock { $0 } ? .init(status: 204) : .init(status: 503) }
        defer { receiver.stop() }
        let fixture = DaemonFixture()
        let config = try configuration(fixture, feedURL: feed.baseURL + "/rss", sinks: [AlertSink(kind: .webhook(url: receiver.baseURL + "/hook"), timeout: 5)])
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        _ = await daemon.run(once: true)
        // The primary log has the alert although the webhook failed.
        #expect(try fixture.alerts().map(\.watch).contains("troop-deployment"))
        #expect(try daemon.store.pendingSinkJobs() == 1)
        let failedAttempts = receiver.requests.count
        #expect(failedAttempts >= 1)
        // The receiver comes back; once the backoff has passed the alert arrives, as JSON.
        up.withLock { $0 = true }
        let result = await daemon.sinks.runDue(now: Date().addingTimeInterval(3600))
        #expect(result.delivered == 1)
        #expect(try daemon.store.pendingSinkJobs() == 0)
        #expect(receiver.requests.count == failedAttempts + 1)
        let posted = try #require(receiver.requests.last)
        #expect(posted.method == "POST")
        #expect(posted.headers["content-type"] == "application/json")
        #expect(String(decoding: posted.body, as: UTF8.self).contains("\"watch\":\"troop-deployment\""))
    }

    /// The running daemon's sink task sleeps between polls: a delivery to the log wakes it,
    /// and a failed delivery's retry wakes it when due (the first retry is 1 s later).
    @Test func aRunningDaemonSendsToSinksWhenAlertsArriveAndRetriesWhenDue() async throws {
        let feed = try TestHTTPServer { _ in .init(body: Self.article) }
        defer { feed.stop() }
        let answers = Mutex(0)
        let receiver = try TestHTTPServer { _ in answers.withLock { $0 += 1; return $0 } == 1 ? .init(status: 503) : .init(status: 204) }
        defer { receiver.stop() }
        let fixture = DaemonFixture()
        let config = try configuration(fixture, feedURL: feed.baseURL + "/rss", sinks: [AlertSink(kind: .webhook(url: receiver.baseURL + "/hook"), timeout: 5)])
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        async let summary = daemon.run(once: false)
        // Once failed, then delivered on the retry, while the feed's next poll is far away.
        try await fixture.waitFor { receiver.requests.count >= 2 }
        try await fixture.waitFor { try daemon.store.pendingSinkJobs() == 0 }
        #expect(receiver.requests.count == 2)
        #expect(String(decoding: receiver.requests[1].body, as: UTF8.self).contains("\"watch\":\"troop-deployment\""))
        daemon.stop()
        _ = await summary
    }

    /// Webhook services put the secret in the path (Slack, Discord): a failure is reported,
    /// logged and stored with the webhook's origin only.
    @Test func aFailingWebhookIsReportedByItsOriginOnly() async throws {
        let receiver = try TestHTTPServer { _ in .init(status: 503) }
        defer { receiver.stop() }
        let fixture = DaemonFixture()
        let config = try configuration(fixture, feedURL: receiver.baseURL + "/rss", sinks: [])
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        let answered = await daemon.sinks.deliver("{}", to: AlertSink(kind: .webhook(url: receiver.baseURL + "/services/T0/B0/S3CRET?token=T"), timeout: 5))
        #expect(answered == "\(receiver.baseURL)/… answered 503")
        let refused = try #require(await daemon.sinks.deliver("{}", to: AlertSink(kind: .webhook(url: "http://127.0.0.1:1/services/T0/B0/S3CRET"), timeout: 5)))
        #expect(refused.hasPrefix("connect:") && refused.hasSuffix("(http://127.0.0.1:1/…)") && !refused.contains("S3CRET"))
        #expect(AlertSink(kind: .webhook(url: "https://hooks.slack.com/services/T0/B0/S3CRET")).label == "webhook https://hooks.slack.com/…")
    }

    @Test func execSinkGetsTheAlertOnStdinWithoutAShellAndTextSinkWritesALine() async throws {
        let feed = try TestHTTPServer { _ in .init(body: Self.article) }
        defer { feed.stop() }
        let fixture = DaemonFixture()
        try FileManager.default.createDirectory(atPath: fixture.directory, withIntermediateDirectories: true)
        let received = fixture.directory + "/received.json"
        let textLog = fixture.directory + "/troops.log"
        // /usr/bin/tee writes stdin to the file named by its argument (a shell would be needed
        // for a redirection; none is used).
        let config = try configuration(fixture, feedURL: feed.baseURL + "/rss", sinks: [
            AlertSink(kind: .exec(command: ["/usr/bin/tee", received])),
            AlertSink(kind: .text(path: textLog)),
        ])
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        _ = await daemon.run(once: true)
        let json = try String(contentsOfFile: received, encoding: .utf8)
        #expect(json.contains("\"watch\":\"troop-deployment\""))
        let line = try String(contentsOfFile: textLog, encoding: .utf8)
        #expect(line.contains("troop-deployment [antara] Korea Utara kirim pasukan ke Rusia — "))
        #expect(line.split(separator: "\n").count == 1)
        #expect(try daemon.store.pendingSinkJobs() == 0)
    }

    @Test func aProgramThatHangsIsStoppedAndRetried() async throws {
        let feed = try TestHTTPServer { _ in .init(body: Self.article) }
        defer { feed.stop() }
        let fixture = DaemonFixture()
        let config = try configuration(fixture, feedURL: feed.baseURL + "/rss", sinks: [AlertSink(kind: .exec(command: ["/bin/sleep", "30"]), timeout: 0.5)])
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        let started = Date()
        _ = await daemon.run(once: true)
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(try fixture.alerts().count >= 1)
        #expect(try daemon.store.pendingSinkJobs() == 1)
    }
}
