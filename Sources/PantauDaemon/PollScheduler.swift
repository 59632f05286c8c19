import HeapModule

/// Decides which feed to fetch next, and when. A pure state machine: it is fed the time and
/// the results, and returns actions; the driver carries them out. Time is monotonic seconds
/// from any origin; randomness (backoff jitter) comes from an injected generator.
///
/// Politeness rules:
/// - after a success the next poll follows how often the feed publishes (half its average
///   gap between items), clamped to the feed's minimum and maximum interval, and never
///   sooner than the feed's own `<ttl>` or `sy:updatePeriod`;
/// - after a failure the feed backs off exponentially with jitter, never sooner than the
///   server's `Retry-After`, and recovers by itself on the next success;
/// - when connection-level failures have hit every feed of a host, the whole host waits.
///
/// Cost: a completion or a tick is O(log n) in the number of feeds (a min-heap of due
/// times with lazy invalidation), so 10,000 feeds schedule as cheaply as ten.
public struct PollScheduler<Random: RandomNumberGenerator & Sendable>: Sendable {
    /// What the driver should do.
    public enum Action: Sendable, Equatable {
        /// Start fetching this feed.
        case fetch(feed: String)
        /// Wake the scheduler at this time (replaces any earlier wake-up).
        case wake(at: Double)
        /// Nothing is in flight and nothing more will be scheduled (`once` mode, or stopped).
        case finished
    }

    /// How a fetch ended, as far as scheduling cares.
    public enum Outcome: Sendable, Equatable {
        /// New content or 304. `hint` says how often the feed publishes (nil on 304).
        case success(hint: PollHint? = nil)
        /// Failed: back off. `retryAfter` is the server's own delay, if it gave one;
        /// `hostWide` marks failures of the connection (DNS, connect, TLS, timeout).
        case failure(retryAfter: Double? = nil, hostWide: Bool = false)
    }

    /// A feed to schedule.
    public struct Feed: Sendable, Equatable {
        /// Unique name.
        public var name: String
        /// ``PantauFetch/HostKey`` of its URL.
        public var host: String
        /// Interval before anything is known about the feed.
        public var interval: Double
        /// Shortest interval the feed may be polled at.
        public var minInterval: Double
        /// Longest interval the feed may be left alone.
        public var maxInterval: Double

        /// Creates a feed; the interval bounds default to the interval itself.
        public init(name: String, host: String = "", interval: Double, minInterval: Double? = nil, maxInterval: Double? = nil) {
            self.name = name
            self.host = host
            self.interval = interval
            self.minInterval = min(minInterval ?? interval, interval)
            self.maxInterval = max(maxInterval ?? interval, interval)
        }
    }

    /// One feed's schedule.
    public struct Slot: Sendable, Equatable {
        /// The feed.
        public var feed: Feed
        /// Seconds between successful polls, as last adapted.
        public var interval: Double
        /// When the feed is due next.
        public var due: Double
        /// A fetch is running.
        public var inFlight = false
        /// Failures in a row.
        public var errors = 0
        /// Polled at least once (for `once` mode).
        public var polled = false
        /// Position in the configuration (ties on due time go in this order).
        var order = 0
        /// Bumped on every reschedule; heap entries with an older version are stale.
        var version = 0
    }

    /// A due time in the heap.
    struct Entry: Comparable, Sendable {
        var time: Double
        var order: Int
        var name: String
        var version: Int

        static func < (a: Entry, b: Entry) -> Bool {
            a.time != b.time ? a.time < b.time : a.order < b.order
        }
    }

    /// Longest backoff after repeated errors, in seconds.
    public var maxBackoff: Double = 6 * 3600
    /// First backoff after an error, in seconds (doubling each further error).
    public var firstBackoff: Double = 60
    /// Longest lower bound a feed's own `ttl` may impose, in seconds.
    public var maxFeedLowerBound: Double = 24 * 3600
    /// Fetches at once.
    public private(set) var maxConcurrent: Int
    /// Poll each feed once, then finish.
    public let once: Bool
    /// Feeds by name.
    public private(set) var slots: [String: Slot] = [:]
    /// Feed names in configuration order (ties on due time go in this order).
    public private(set) var order: [String] = []
    /// Connection-level failures in a row per host, across its feeds.
    public private(set) var hostFailures: [String: Int] = [:]
    /// Hosts waiting out a backoff, with the time they may be tried again.
    public private(set) var hostBlockedUntil: [String: Double] = [:]
    var stopping = false
    var random: Random
    var queue = Heap<Entry>()
    var running = 0
    var feedsPerHost: [String: Int] = [:]

    /// Creates a scheduler; every feed is due at `now`.
    public init(feeds: [Feed], maxConcurrent: Int, once: Bool, now: Double, random: Random) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.once = once
        self.random = random
        rebuild(feeds: feeds, now: now)
    }

    /// Replaces slots (keeping the schedule of feeds that stay) and the heap.
    mutating func rebuild(feeds: [Feed], now: Double) {
        var fresh: [String: Slot] = [:]
        for (index, feed) in feeds.enumerated() {
            var slot = slots[feed.name] ?? Slot(feed: feed, interval: feed.interval, due: now)
            if slot.feed != feed {
                slot.interval = feed.interval
                if slot.feed.host != feed.host { slot.errors = 0 }
            }
            slot.feed = feed
            slot.order = index
            slot.version += 1
            fresh[feed.name] = slot
        }
        slots = fresh
        order = feeds.map(\.name)
        running = slots.values.reduce(0) { $0 + ($1.inFlight ? 1 : 0) }
        feedsPerHost = [:]
        for feed in feeds { feedsPerHost[feed.host, default: 0] += 1 }
        queue = Heap(slots.values.filter(isQueued).map(entry))
    }

    /// A slot waits in the heap unless it is running or done (`once`).
    func isQueued(_ slot: Slot) -> Bool {
        !slot.inFlight && !(once && slot.polled)
    }

    func entry(_ slot: Slot) -> Entry {
        Entry(time: runnableAt(slot), order: slot.order, name: slot.feed.name, version: slot.version)
    }

    /// Re-enters `name` into the heap after its schedule changed.
    mutating func requeue(_ name: String) {
        guard var slot = slots[name] else { return }
        slot.version += 1
        slots[name] = slot
        if isQueued(slot) { queue.insert(entry(slot)) }
    }

    /// The heap's earliest valid entry, dropping stale ones.
    mutating func peekValid() -> Entry? {
        while let top = queue.min {
            if let slot = slots[top.name], slot.version == top.version, isQueued(slot) { return top }
            _ = queue.popMin()
        }
        return nil
    }

    /// When `slot` may run: its due time, or later if its host is backing off.
    func runnableAt(_ slot: Slot) -> Double {
        max(slot.due, hostBlockedUntil[slot.feed.host] ?? slot.due)
    }

    /// Starts what is due at `now` (up to the concurrency limit) and says when to wake next.
    public mutating func tick(now: Double) -> [Action] {
        var actions: [Action] = []
        while !stopping, running < maxConcurrent, let top = peekValid(), top.time <= now {
            _ = queue.popMin()
            slots[top.name]!.inFlight = true
            slots[top.name]!.polled = true
            slots[top.name]!.version += 1
            running += 1
            actions.append(.fetch(feed: top.name))
        }
        if running >= maxConcurrent {
            // Saturated: the next completion ticks again.
        } else if let next = nextWake() {
            actions.append(.wake(at: next))
        } else if running == 0 {
            actions.append(.finished)
        }
        return actions
    }

    /// Records that `feed`'s fetch ended with `outcome` at `now`, then ticks.
    public mutating func completed(feed: String, outcome: Outcome, now: Double) -> [Action] {
        if var slot = slots[feed], slot.inFlight {
            slot.inFlight = false
            running -= 1
            let host = slot.feed.host
            switch outcome {
            case .success(let hint):
                slot.errors = 0
                if let hint { slot.interval = nextInterval(for: slot.feed, hint: hint) }
                slot.due = now + slot.interval
                hostFailures[host] = nil
                if hostBlockedUntil.removeValue(forKey: host) != nil { requeueHost(host) }
            case .failure(let retryAfter, let hostWide):
                slot.errors += 1
                slot.due = now + backoff(errors: slot.errors, interval: slot.interval, retryAfter: retryAfter)
                if hostWide { recordHostFailure(host, now: now) }
            }
            slots[feed] = slot
            requeue(feed)
        }
        return tick(now: now)
    }

    /// The interval after a successful poll that said how often the feed publishes.
    public func nextInterval(for feed: Feed, hint: PollHint) -> Double {
        var interval = feed.interval
        if let gap = hint.publishingGap, gap > 0 { interval = gap / 2 }
        interval = min(max(interval, feed.minInterval), feed.maxInterval)
        if let lower = hint.lowerBound { interval = max(interval, min(lower, maxFeedLowerBound)) }
        return interval
    }

    /// Counts a connection-level failure; once every feed of the host has failed, the host
    /// backs off as a whole (exponentially, with jitter).
    mutating func recordHostFailure(_ host: String, now: Double) {
        guard !host.isEmpty, host != "file://" else { return }
        let failures = hostFailures[host, default: 0] + 1
        hostFailures[host] = failures
        let feedsOnHost = feedsPerHost[host, default: 1]
        guard failures >= feedsOnHost else { return }
        let rounds = failures / max(1, feedsOnHost)
        hostBlockedUntil[host] = now + backoff(errors: rounds, interval: firstBackoff, retryAfter: nil)
        requeueHost(host)
    }

    /// Re-enters every waiting feed of `host` after the host's backoff changed.
    mutating func requeueHost(_ host: String) {
        for (name, slot) in slots where slot.feed.host == host && isQueued(slot) { requeue(name) }
    }

    /// Delay after the `errors`-th failure in a row: exponential from ``firstBackoff``,
    /// capped at 8 × max(interval, first backoff) and ``maxBackoff``, never shorter than the
    /// server's `Retry-After`, with ±10 % jitter so feeds on one host do not retry in lockstep.
    public mutating func backoff(errors: Int, interval: Double, retryAfter: Double?) -> Double {
        let exponent = min(max(errors - 1, 0), 30)
        var delay = firstBackoff
        for _ in 0..<exponent where delay < maxBackoff { delay *= 2 }
        delay = min(delay, maxBackoff, max(interval, firstBackoff) * 8)
        delay *= 0.9 + 0.2 * Double.random(in: 0..<1, using: &random)
        if let retryAfter { delay = max(delay, min(retryAfter, maxBackoff)) }
        return delay
    }

    /// Replaces the feed set (config reload): new feeds are due now, removed feeds are
    /// dropped (a running fetch's result is then ignored), changed settings apply from the
    /// next poll, and a changed interval resets the adapted one.
    public mutating func update(feeds: [Feed], maxConcurrent: Int? = nil, now: Double) -> [Action] {
        if let maxConcurrent { self.maxConcurrent = max(1, maxConcurrent) }
        rebuild(feeds: feeds, now: now)
        let hosts = Set(feeds.map(\.host))
        hostFailures = hostFailures.filter { hosts.contains($0.key) }
        hostBlockedUntil = hostBlockedUntil.filter { hosts.contains($0.key) }
        return tick(now: now)
    }

    /// Stops scheduling; ``Action/finished`` follows once running fetches complete.
    public mutating func stop(now: Double) -> [Action] {
        stopping = true
        return tick(now: now)
    }

    /// The earliest time something may run, or nil when nothing more will be started.
    mutating func nextWake() -> Double? {
        guard !stopping else { return nil }
        return peekValid()?.time
    }
}
