/// Decides which feed to fetch next, and when. A pure state machine: it is fed the time and
/// the results, and returns actions; the driver carries them out. Time is monotonic seconds
/// from any origin; randomness (backoff jitter) comes from an injected generator.
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
        /// New content or 304: poll again after the interval.
        case success
        /// Failed: back off. `retryAfter` is the server's own delay, if it gave one.
        case failure(retryAfter: Double?)
    }

    /// One feed's schedule.
    public struct Slot: Sendable, Equatable {
        /// Seconds between successful polls.
        public var interval: Double
        /// When the feed is due next.
        public var due: Double
        /// A fetch is running.
        public var inFlight = false
        /// Failures in a row.
        public var errors = 0
        /// Polled at least once (for `once` mode).
        public var polled = false
    }

    /// Longest backoff after repeated errors, in seconds.
    public var maxBackoff: Double = 6 * 3600
    /// First backoff after an error, in seconds (doubling each further error).
    public var firstBackoff: Double = 60
    /// Fetches at once.
    public private(set) var maxConcurrent: Int
    /// Poll each feed once, then finish.
    public let once: Bool
    /// Feeds by name.
    public private(set) var slots: [String: Slot] = [:]
    /// Feed names in configuration order (ties on due time go in this order).
    public private(set) var order: [String] = []
    var stopping = false
    var random: Random

    /// Creates a scheduler; every feed is due at `now`.
    public init(feeds: [(name: String, interval: Double)], maxConcurrent: Int, once: Bool, now: Double, random: Random) {
        self.maxConcurrent = max(1, maxConcurrent)
        self.once = once
        self.random = random
        for feed in feeds {
            order.append(feed.name)
            slots[feed.name] = Slot(interval: feed.interval, due: now)
        }
    }

    var inFlightCount: Int { slots.values.reduce(0) { $0 + ($1.inFlight ? 1 : 0) } }

    /// Starts what is due at `now` (up to the concurrency limit) and says when to wake next.
    public mutating func tick(now: Double) -> [Action] {
        var actions: [Action] = []
        var running = inFlightCount
        if !stopping {
            let due = order.filter { name in
                guard let slot = slots[name] else { return false }
                return !slot.inFlight && slot.due <= now && !(once && slot.polled)
            }.sorted { slots[$0]!.due < slots[$1]!.due }
            for name in due where running < maxConcurrent {
                slots[name]!.inFlight = true
                slots[name]!.polled = true
                running += 1
                actions.append(.fetch(feed: name))
            }
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
        if var slot = slots[feed] {
            slot.inFlight = false
            switch outcome {
            case .success:
                slot.errors = 0
                slot.due = now + slot.interval
            case .failure(let retryAfter):
                slot.errors += 1
                slot.due = now + backoff(errors: slot.errors, interval: slot.interval, retryAfter: retryAfter)
            }
            slots[feed] = slot
        }
        return tick(now: now)
    }

    /// Delay after the `errors`-th failure in a row: exponential from ``firstBackoff``,
    /// capped, never shorter than the server's `Retry-After`, with ±10 % jitter so feeds on
    /// one host do not retry in lockstep.
    public mutating func backoff(errors: Int, interval: Double, retryAfter: Double?) -> Double {
        let exponent = Double(min(errors - 1, 30))
        var delay = min(maxBackoff, firstBackoff * pow2(exponent))
        delay = min(delay, max(interval, firstBackoff) * 8)
        let jitter = 0.9 + 0.2 * Double.random(in: 0..<1, using: &random)
        delay *= jitter
        if let retryAfter { delay = max(delay, min(retryAfter, maxBackoff)) }
        return delay
    }

    func pow2(_ x: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(x) { result *= 2 }
        return result
    }

    /// Replaces the feed set (config reload): new feeds are due now, removed feeds are
    /// dropped (a running fetch's result is then ignored), changed intervals apply from the
    /// next poll.
    public mutating func update(feeds: [(name: String, interval: Double)], maxConcurrent: Int? = nil, now: Double) -> [Action] {
        if let maxConcurrent { self.maxConcurrent = max(1, maxConcurrent) }
        var fresh: [String: Slot] = [:]
        for feed in feeds {
            var slot = slots[feed.name] ?? Slot(interval: feed.interval, due: now)
            slot.interval = feed.interval
            fresh[feed.name] = slot
        }
        slots = fresh
        order = feeds.map(\.name)
        return tick(now: now)
    }

    /// Stops scheduling; ``Action/finished`` follows once running fetches complete.
    public mutating func stop(now: Double) -> [Action] {
        stopping = true
        return tick(now: now)
    }

    /// The earliest time something is due, or nil when nothing more will be started.
    func nextWake() -> Double? {
        guard !stopping else { return nil }
        let pending = slots.values.filter { !$0.inFlight && !(once && $0.polled) }
        return pending.map(\.due).min()
    }
}
