import Foundation
import Synchronization
import PantauConfig
import PantauStore
import PantauTestSupport
import Testing
@testable import PantauDaemon

/// The daemon's manners towards publishers, end to end against loopback servers.
@Suite struct PolitenessTests {
    let fixture = DaemonFixture()
    static let rss = "<rss version=\"2.0\"><channel><item><guid>1</guid><title>Rusia kirim pasukan</title></item></channel></rss>"


    @Test func permanentRedirectsAreFollowedThenTheNewURLIsAdopted() async throws {
        let server = try TestHTTPServer { request in
            request.path == "/old" ? .init(status: 301, headers: [("Location", "/new")]) : .init(body: Self.rss)
        }
        defer { server.stop() }
        let config = try fixture.configuration(feeds: [FeedConfig(name: "moving", url: server.baseURL + "/old")])
        for _ in 0..<4 { _ = try await fixture.runOnce(config) }
        // Three polls through the redirect, then straight to the new URL.
        #expect(server.requests.map(\.path) == ["/old", "/new", "/old", "/new", "/old", "/new", "/new"])
        let state = try #require(try StateStore(directory: config.daemon.stateDirectory).feedState("moving"))
        #expect(state.fetchURL == server.baseURL + "/new")
        #expect(try fixture.alerts().count == 1)

        // Changing the feed's url in the config forgets the move.
        let changed = try fixture.configuration(feeds: [FeedConfig(name: "moving", url: server.baseURL + "/other")])
        _ = try await fixture.runOnce(changed)
        #expect(server.requests.last?.path == "/other")
        #expect(try StateStore(directory: config.daemon.stateDirectory).feedState("moving")?.movedTo == nil)
    }

    @Test func retryAfterOn429SetsTheNextPoll() async throws {
        let server = try TestHTTPServer { _ in .init(status: 429, headers: [("Retry-After", "600")]) }
        defer { server.stop() }
        let config = try fixture.configuration(feeds: [FeedConfig(name: "busy", url: server.baseURL + "/", interval: 60)])
        let daemon = try Daemon(configuration: config, logger: fixture.logger)
        async let summary = daemon.run(once: false)
        try await fixture.waitFor { try daemon.store.nextPoll(feed: "busy") != nil }
        daemon.stop()
        _ = await summary
        let next = try #require(try daemon.store.nextPoll(feed: "busy"))
        #expect(next.timeIntervalSinceNow > 590 && next.timeIntervalSinceNow <= 600)
        #expect(try daemon.store.feedState("busy")?.lastError?.contains("HTTP 429") == true)
        #expect(server.requests.count == 1)
    }

    @Test func serverErrorsBackOffAndRecoverByThemselves() async throws {
        final class Flip: Sendable { let failing = Mutex(true) }
        let flip = Flip()
        let server = try TestHTTPServer { _ in flip.failing.withLock { $0 } ? .init(status: 503) : .init(body: Self.rss) }
        defer { server.stop() }
        let config = try fixture.configuration(feeds: [FeedConfig(name: "flaky", url: server.baseURL + "/", interval: 30)])
        do {
            let daemon = try Daemon(configuration: config, logger: fixture.logger)
            async let summary = daemon.run(once: false)
            try await fixture.waitFor { try daemon.store.nextPoll(feed: "flaky") != nil }
            daemon.stop()
            _ = await summary
            // Backed off (60 s ± 10 %) rather than polled again after the 30 s interval.
            let next = try #require(try daemon.store.nextPoll(feed: "flaky"))
            #expect(next.timeIntervalSinceNow > 50)
            #expect(try daemon.store.feedState("flaky")?.consecutiveErrors == 1)
        }
        // The server recovers; so does the feed, with no one resetting anything.
        flip.failing.withLock { $0 = false }
        _ = try await fixture.runOnce(config)
        let state = try #require(try StateStore(directory: config.daemon.stateDirectory).feedState("flaky"))
        #expect(state.consecutiveErrors == 0 && state.lastError == nil)
        #expect(try fixture.alerts().count == 1)
    }

    @Test func reloadThatRemovesAFeedInFlightCancelsIt() async throws {
        let slow = try TestHTTPServer { _ in
            Thread.sleep(forTimeInterval: 3)
            return .init(body: Self.rss)
        }
        let fast = try TestHTTPServer { _ in .init(body: "<rss version=\"2.0\"><channel/></rss>") }
        defer { slow.stop(); fast.stop() }
        let before = try fixture.configuration(feeds: [
            FeedConfig(name: "slow", url: slow.baseURL + "/"), FeedConfig(name: "fast", url: fast.baseURL + "/", interval: 0.05),
        ])
        let daemon = try Daemon(configuration: before, logger: fixture.logger)
        async let summary = daemon.run(once: false)
        try await fixture.waitFor { !slow.requests.isEmpty }
        let after = try fixture.configuration(feeds: [FeedConfig(name: "fast", url: fast.baseURL + "/", interval: 0.05)])
        daemon.reload(.success(after))
        let polls = fast.requests.count
        try await fixture.waitFor { fast.requests.count >= polls + 3 }
        let started = ContinuousClock.now
        daemon.stop()
        let result = await summary
        // The removed feed's transfer was cancelled: nothing recorded, no alert, no wait for it.
        #expect(try daemon.store.feedState("slow") == nil)
        #expect(try fixture.alerts().isEmpty)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(result.feedsFailed == 0)
    }
}
