import PantauTestSupport
import Testing
@testable import PantauDaemon

@Suite struct PollSchedulerTests {
    typealias Scheduler = PollScheduler<SeededRandom>

    func make(_ feeds: [(String, Double)], max: Int = 10, once: Bool = false, host: String = "") -> Scheduler {
        Scheduler(feeds: feeds.map { .init(name: $0.0, host: host, interval: $0.1) }, maxConcurrent: max, once: once, now: 0, random: SeededRandom(state: 42))
    }

    @Test func fetchesEveryFeedAtStartThenWakesAtTheNextDueTime() {
        var s = make([("a", 60), ("b", 300)])
        #expect(s.tick(now: 0) == [.fetch(feed: "a"), .fetch(feed: "b")])
        #expect(s.completed(feed: "a", outcome: .success(), now: 1) == [.wake(at: 61)])
        #expect(s.completed(feed: "b", outcome: .success(), now: 2) == [.wake(at: 61)])
        #expect(s.tick(now: 61) == [.fetch(feed: "a"), .wake(at: 302)])
    }

    @Test func neverRunsMoreThanTheConcurrencyLimit() {
        var s = make([("a", 60), ("b", 60), ("c", 60)], max: 2)
        #expect(s.tick(now: 0) == [.fetch(feed: "a"), .fetch(feed: "b")])
        #expect(s.tick(now: 0.5) == [])
        #expect(s.completed(feed: "a", outcome: .success(), now: 1) == [.fetch(feed: "c")])
    }

    @Test func onceModeFinishesAfterEveryFeedWasPolled() {
        var s = make([("a", 60), ("b", 60)], once: true)
        #expect(s.tick(now: 0) == [.fetch(feed: "a"), .fetch(feed: "b")])
        #expect(s.completed(feed: "a", outcome: .failure(), now: 1) == [])
        #expect(s.completed(feed: "b", outcome: .success(), now: 2) == [.finished])
    }

    @Test func backoffGrowsWithErrorsWithinJitterBoundsAndResetsOnSuccess() {
        var s = make([("a", 600)])
        _ = s.tick(now: 0)
        var now = 0.0
        var delays: [Double] = []
        for _ in 0..<4 {
            _ = s.completed(feed: "a", outcome: .failure(), now: now)
            let due = s.slots["a"]!.due
            delays.append(due - now)
            now = due
            _ = s.tick(now: now)
        }
        // 60, 120, 240, 480 seconds, each within ±10 %.
        for (delay, base) in zip(delays, [60.0, 120, 240, 480]) {
            #expect(delay >= base * 0.9 && delay <= base * 1.1, "\(delays)")
        }
        _ = s.completed(feed: "a", outcome: .success(), now: now)
        #expect(s.slots["a"]!.due == now + 600)
        #expect(s.slots["a"]!.errors == 0)
    }

    @Test func backoffIsCappedAndHonoursRetryAfter() {
        var s = make([("a", 60)])
        // Capped at 8 × max(interval, firstBackoff) = 480 s (+10 % jitter).
        #expect(s.backoff(errors: 20, interval: 60, retryAfter: nil) <= 480 * 1.1)
        // A server's Retry-After wins over a shorter backoff.
        #expect(s.backoff(errors: 1, interval: 60, retryAfter: 3600) == 3600)
    }

    @Test func reloadAddsAndRemovesFeeds() {
        var s = make([("a", 60), ("b", 60)])
        _ = s.tick(now: 0)
        _ = s.completed(feed: "a", outcome: .success(), now: 1)
        _ = s.completed(feed: "b", outcome: .success(), now: 1)
        let actions = s.update(feeds: [.init(name: "b", interval: 30), .init(name: "c", interval: 60)], now: 10)
        #expect(actions == [.fetch(feed: "c"), .wake(at: 61)])
        #expect(s.slots["a"] == nil)
        #expect(s.slots["b"]?.interval == 30)
    }

    @Test func stopStartsNothingAndFinishesWhenIdle() {
        var s = make([("a", 60), ("b", 60)], max: 1)
        #expect(s.tick(now: 0) == [.fetch(feed: "a")])
        #expect(s.stop(now: 1) == [])
        #expect(s.completed(feed: "a", outcome: .success(), now: 2) == [.finished])
    }

    @Test(arguments: [
        // (gap between items, feed's own lower bound, expected next interval) for interval 900, min 300, max 3600
        (nil as Double?, nil as Double?, 900.0),
        (200.0, nil, 300),        // publishes every 3 min: polled at the minimum
        (1200.0, nil, 600),       // every 20 min: polled twice per gap
        (86_400.0, nil, 3600),    // daily: left alone up to the maximum
        (200.0, 1800.0, 1800),    // <ttl>30</ttl> wins over a busy feed
        (nil, 7200.0, 7200),      // sy:updatePeriod hourly/0.5 beyond the maximum still holds
    ])
    func adaptsTheIntervalToHowOftenTheFeedPublishes(gap: Double?, lowerBound: Double?, expected: Double) {
        var s = Scheduler(feeds: [.init(name: "a", interval: 900, minInterval: 300, maxInterval: 3600)], maxConcurrent: 1, once: false, now: 0, random: SeededRandom(state: 1))
        _ = s.tick(now: 0)
        let actions = s.completed(feed: "a", outcome: .success(hint: PollHint(publishingGap: gap, lowerBound: lowerBound)), now: 10)
        #expect(actions == [.wake(at: 10 + expected)])
        // A 304 (no hint) keeps the adapted interval.
        _ = s.tick(now: 10 + expected)
        #expect(s.completed(feed: "a", outcome: .success(), now: 20 + expected) == [.wake(at: 20 + 2 * expected)])
    }

    @Test func aHostThatFailsForEveryFeedBacksOffAsAWhole() {
        var s = Scheduler(feeds: [.init(name: "a", host: "h1", interval: 60), .init(name: "b", host: "h1", interval: 60), .init(name: "c", host: "h2", interval: 60)],
                          maxConcurrent: 10, once: false, now: 0, random: SeededRandom(state: 7))
        _ = s.tick(now: 0)
        _ = s.completed(feed: "a", outcome: .failure(hostWide: true), now: 1)
        #expect(s.hostBlockedUntil["h1"] == nil)  // one feed of two: the feed backs off, not the host
        _ = s.completed(feed: "b", outcome: .failure(hostWide: true), now: 1)
        let blocked = try! #require(s.hostBlockedUntil["h1"])
        #expect(blocked >= 1 + 54 && blocked <= 1 + 66)
        _ = s.completed(feed: "c", outcome: .success(), now: 1)
        // Feeds of h1 run no earlier than the host's backoff; h2 is unaffected.
        #expect(s.tick(now: blocked - 1).isEmpty == false)
        #expect(!s.tick(now: blocked - 1).contains(.fetch(feed: "a")))
        #expect(s.slots["c"]?.due == 61)
        // One success anywhere on the host lifts it.
        let actions = s.tick(now: max(blocked, s.slots["a"]!.due, s.slots["b"]!.due))
        #expect(actions.contains(.fetch(feed: "a")) || actions.contains(.fetch(feed: "b")))
        _ = s.completed(feed: "a", outcome: .success(), now: 500)
        #expect(s.hostBlockedUntil["h1"] == nil && s.hostFailures["h1"] == nil)
    }

    @Test func feedFailuresThatAreNotTheConnectionsLeaveTheHostAlone() {
        var s = Scheduler(feeds: [.init(name: "a", host: "h", interval: 60)], maxConcurrent: 1, once: false, now: 0, random: SeededRandom(state: 3))
        _ = s.tick(now: 0)
        _ = s.completed(feed: "a", outcome: .failure(retryAfter: nil, hostWide: false), now: 1)
        #expect(s.hostBlockedUntil.isEmpty)
    }
}
