import Dispatch
import Foundation
import Logging
import PantauConfig
import PantauFetch

/// The thin driver that carries out ``PollScheduler`` actions: it starts fetches, arms one
/// Dispatch timer for the next wake-up, hands results to the ``FeedPipeline`` on a worker
/// queue and feeds the reports back to the scheduler. It also keeps the counters behind
/// `STATUS=`, pings the systemd watchdog from the event loop (a stuck loop stops the
/// pings), and retries alert delivery with backoff while the log cannot be written.
///
/// It runs on the same serial executor as the ``Fetcher``, so fetch completions enter it
/// synchronously with `assumeIsolated`.
actor PollDriver {
    typealias Action = PollScheduler<SystemRandomNumberGenerator>.Action

    nonisolated let executor: DispatchQueueExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let fetcher: Fetcher
    let notifier: ServiceNotifier
    let logger: Logger
    let workQueue = DispatchQueue(label: "pantau.work", attributes: .concurrent)
    let origin = DispatchTime.now()
    var pipeline: FeedPipeline
    var limits: FetchLimits
    var feeds: [String: FeedConfig]
    var scheduler: PollScheduler<SystemRandomNumberGenerator>
    var timer: (any DispatchSourceTimer)?
    var housekeeping: (any DispatchSourceTimer)?
    var deliveryRetry: (any DispatchSourceTimer)?
    var deliveryBackoff: Double = 0
    var deliveryRunning = false
    /// A batch of feed states is being written on the work queue.
    var statesFlushing = false
    var deliveryWanted = false
    var inFlight: [String: Int] = [:]
    var summary = RunSummary()
    var counters = DaemonCounters()
    var lastStatus = ""
    var finished: CheckedContinuation<RunSummary, Never>?
    var stopping = false

    init(configuration: PantauConfiguration, once: Bool, fetcher: Fetcher, pipeline: FeedPipeline, notifier: ServiceNotifier, logger: Logger) {
        self.executor = fetcher.executor
        self.fetcher = fetcher
        self.pipeline = pipeline
        self.notifier = notifier
        self.logger = logger
        self.limits = Self.limits(configuration.daemon)
        self.feeds = Dictionary(uniqueKeysWithValues: configuration.feeds.map { ($0.name, $0) })
        self.scheduler = PollScheduler(
            feeds: configuration.feeds.map(Self.schedule),
            maxConcurrent: configuration.daemon.maxConcurrentFetches, once: once, now: 0,
            random: SystemRandomNumberGenerator()
        )
        self.counters.feeds = configuration.feeds.count
    }

    static func limits(_ settings: DaemonSettings) -> FetchLimits {
        FetchLimits(connectTimeout: settings.connectTimeout, totalTimeout: settings.fetchTimeout, maxBodyBytes: settings.maxBodyBytes,
                    lowSpeedBytesPerSecond: settings.lowSpeedLimit, lowSpeedSeconds: Int(settings.lowSpeedTime.rounded(.up)))
    }

    /// The scheduler's view of a configured feed.
    static func schedule(_ feed: FeedConfig) -> PollScheduler<SystemRandomNumberGenerator>.Feed {
        .init(name: feed.name, host: HostKey.of(feed.url), interval: feed.interval, minInterval: feed.minInterval, maxInterval: feed.maxInterval)
    }

    /// Monotonic seconds since the driver was created.
    var now: Double { Double(DispatchTime.now().uptimeNanoseconds - origin.uptimeNanoseconds) / 1e9 }

    /// Polls until the scheduler finishes (`once`) or ``stop()`` is called.
    func run() async -> RunSummary {
        timer = makeTimer { $0.perform($0.scheduler.tick(now: $0.now)) }
        startHousekeeping()
        return await withCheckedContinuation { continuation in
            finished = continuation
            perform(scheduler.tick(now: now))
            notifier.send("READY=1", "STATUS=" + counters.statusLine)
        }
    }

    /// A suspended-until-scheduled timer on the loop queue that runs `body` in isolation.
    func makeTimer(_ body: @escaping @Sendable (isolated PollDriver) -> Void) -> any DispatchSourceTimer {
        let timer = DispatchSource.makeTimerSource(queue: executor.queue)
        timer.setEventHandler { [weak self] in
            self?.assumeIsolated { body($0) }
        }
        timer.schedule(deadline: .distantFuture)
        timer.resume()
        return timer
    }

    /// Stops starting fetches, cancels running ones, and lets ``run()`` return once the
    /// pipeline has finished with what was already fetched.
    func stop() {
        guard !stopping else { return }
        stopping = true
        logger.notice("stopping: no new fetches")
        let running = inFlight.values
        perform(scheduler.stop(now: now))
        for id in running {
            fetcher.assumeIsolated { $0.cancel(id) }
        }
    }

    func perform(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .fetch(let name):
                guard let feed = feeds[name] else { continue }
                startFetch(feed)
            case .wake(let at):
                let deadline = DispatchTime(uptimeNanoseconds: origin.uptimeNanoseconds + UInt64(max(0, at) * 1e9))
                timer?.schedule(deadline: deadline)
            case .finished:
                for t in [timer, housekeeping, deliveryRetry] { t?.cancel() }
                (timer, housekeeping, deliveryRetry) = (nil, nil, nil)
                persistCounters(wait: true)
                finished?.resume(returning: summary)
                finished = nil
            }
        }
    }

    func startFetch(_ feed: FeedConfig) {
        var limits = limits
        if let caFile = feed.caFile { limits.caFile = caFile }
        let request = pipeline.request(for: feed, limits: limits)
        inFlight[feed.name] = fetcher.assumeIsolated { fetcher in
            fetcher.start(request) { [weak self] result in
                self?.assumeIsolated { $0.fetched(feed, result) }
            }
        }
    }

    func fetched(_ feed: FeedConfig, _ result: Result<FetchResponse, FetchError>) {
        inFlight[feed.name] = nil
        if case .failure(let error) = result, error.kind == .cancelled {
            // Stopping, or the feed was removed by a reload: nothing to record.
            perform(scheduler.completed(feed: feed.name, outcome: .success(), now: now))
            return
        }
        // Only a body to parse is worth a trip to a worker thread; 304s, errors and the
        // fetch-only mode cost microseconds and are handled right here on the loop.
        guard case .success(let response) = result, response.status != 304, pipeline.parsing else {
            processed(pipeline.handle(feed: feed, result: result))
            return
        }
        let pipeline = pipeline
        let queue = executor.queue
        workQueue.async { [driver = self] in
            let report = pipeline.handle(feed: feed, result: result)
            queue.async { driver.assumeIsolated { $0.processed(report) } }
        }
    }

    func processed(_ report: FeedReport) {
        summary.add(report)
        counters.record(report, now: Date())
        if report.alerts > 0 { requestDelivery() }
        let actions = scheduler.completed(feed: report.feed, outcome: report.outcome, now: now)
        if let slot = scheduler.slots[report.feed], !scheduler.once {
            try? pipeline.store.setNextPoll(feed: report.feed, at: Date().addingTimeInterval(slot.due - now))
        }
        flushStatesIfMany()
        perform(actions)
    }

    /// Feed states saved without an item commit (304s, errors) wait in the store's cache,
    /// and staged item commits in its queue; once a batch has gathered, it is written on the
    /// work queue, so the end of a large poll does not wait for thousands of rows on the loop.
    func flushStatesIfMany() {
        let store = pipeline.store
        // Staged commits wait for a delivery (any alert) or a batch; at the end of a poll
        // wave (nothing in flight) they are written at once, so `pantau status` is current.
        let due = store.pendingFeedStates >= Self.statesBatch || store.stagedCount >= Self.commitBatch
            || (inFlight.isEmpty && store.stagedCount > 0)
        guard !statesFlushing, due else { return }
        statesFlushing = true
        let logger = logger
        let queue = executor.queue
        workQueue.async { [driver = self] in
            do {
                try store.commitStaged()
            } catch {
                logger.error("could not save feed states", metadata: ["error": "\(error)"])
            }
            queue.async {
                driver.assumeIsolated { driver in
                    driver.statesFlushing = false
                    // What was staged meanwhile (the end of a wave may have come while this
                    // batch was being written) goes now, not with the next wave.
                    driver.flushStatesIfMany()
                }
            }
        }
    }

    /// Feed states written together by ``flushStatesIfMany()``.
    static let statesBatch = 1000
    /// Staged item commits written together by ``flushStatesIfMany()`` when no delivery
    /// has written them sooner.
    static let commitBatch = 64

    // MARK: Reload

    /// Switches to `configuration`: new watch lists, feeds added and removed (a removed
    /// feed's running fetch is cancelled), new limits. `state_dir` and `alerts_log` need a
    /// restart; a change to them is logged and ignored.
    func reload(_ configuration: PantauConfiguration, pipeline: FeedPipeline, keeping current: DaemonSettings) {
        notifier.send("RELOADING=1", ServiceNotifier.monotonicField())
        let next = configuration.daemon
        if next.stateDirectory != current.stateDirectory || next.alertsLog != current.alertsLog || next.maxPerHost != current.maxPerHost
            || next.userAgentContact != current.userAgentContact || next.maxConcurrentFetches > current.maxConcurrentFetches {
            logger.warning("state_dir, alerts_log, max_per_host, user_agent_contact and a higher max_concurrent_fetches take effect after a restart")
        }
        var pipeline = pipeline
        pipeline.parsing = self.pipeline.parsing
        self.pipeline = pipeline
        limits = Self.limits(configuration.daemon)
        let removed = Set(feeds.keys).subtracting(configuration.feeds.map(\.name))
        feeds = Dictionary(uniqueKeysWithValues: configuration.feeds.map { ($0.name, $0) })
        for name in removed {
            if let id = inFlight.removeValue(forKey: name) { fetcher.assumeIsolated { $0.cancel(id) } }
        }
        counters.feeds = configuration.feeds.count
        counters.failing.formIntersection(feeds.keys)
        counters.reloadError = nil
        perform(scheduler.update(feeds: configuration.feeds.map(Self.schedule), maxConcurrent: configuration.daemon.maxConcurrentFetches, now: now))
        logger.notice("configuration reloaded", metadata: ["feeds": "\(configuration.feeds.count)", "watches": "\(configuration.watches.count)", "removed": "\(removed.count)"])
        notifier.send("READY=1", "STATUS=" + counters.statusLine)
    }

    /// Keeps the current configuration, which its files still say.
    func reloadUnchanged() {
        notifier.send("RELOADING=1", ServiceNotifier.monotonicField())
        counters.reloadError = nil
        logger.notice("configuration files unchanged; nothing to reload", metadata: ["feeds": "\(feeds.count)"])
        notifier.send("READY=1", "STATUS=" + counters.statusLine)
    }

    /// Keeps the current configuration and says why the new one was refused.
    func reloadRefused(_ error: ConfigError) {
        notifier.send("RELOADING=1", ServiceNotifier.monotonicField())
        for problem in error.problems {
            logger.error("reload refused", metadata: ["problem": "\(problem)"])
        }
        let first = error.problems.first.map(\.description) ?? "invalid configuration"
        counters.reloadError = first + (error.problems.count > 1 ? " (and \(error.problems.count - 1) more)" : "")
        notifier.send("READY=1", "STATUS=" + counters.statusLine)
    }

    // MARK: Housekeeping: watchdog, status, delivery retries

    func startHousekeeping() {
        var interval = Duration.seconds(5)
        if let watchdog = notifier.watchdogInterval, watchdog < interval { interval = watchdog }
        let nanoseconds = interval.components.seconds * 1_000_000_000 + interval.components.attoseconds / 1_000_000_000
        let timer = makeTimer { $0.tick() }
        timer.schedule(deadline: .now() + .nanoseconds(Int(nanoseconds)), repeating: .nanoseconds(Int(max(nanoseconds, 1_000_000))))
        housekeeping = timer
    }

    /// Runs on the loop queue: proves the loop is alive, refreshes `STATUS=` when it
    /// changed, and persists the counters for `pantau status`.
    func tick() {
        if notifier.watchdogInterval != nil { notifier.send("WATCHDOG=1") }
        let status = counters.statusLine
        if status != lastStatus {
            notifier.send("STATUS=" + status)
            lastStatus = status
            persistCounters()
        }
    }

    /// Writes the counters and the batched feed states (off the loop unless `wait`).
    func persistCounters(wait: Bool = false) {
        guard let data = try? JSONEncoder().encode(counters) else { return }
        let store = pipeline.store
        let logger = logger
        let work: @Sendable () -> Void = {
            do {
                try store.setMeta("counters", String(decoding: data, as: UTF8.self))
                try store.commitStaged()
            } catch {
                logger.error("could not save feed states", metadata: ["error": "\(error)"])
            }
        }
        if wait { work() } else { workQueue.async(execute: work) }
    }

    /// Has the outbox written to the log. Requests while a delivery runs are coalesced into
    /// one more run, so a burst of feeds costs a few writes and fsyncs, not one per feed.
    /// A delivery starts ``deliveryGathering`` after it is asked for, with the alerts of the
    /// feeds finished meanwhile.
    func requestDelivery() {
        deliveryWanted = true
        guard !deliveryRunning, deliveryRetry == nil else { return }
        runDelivery()
    }

    /// How long a delivery waits for more alerts: fewer log writes, fsyncs and commits in a
    /// busy poll (a cold poll of 1,000 feeds: 29 → 20 fsyncs, wall −3 %), and nothing an
    /// operator would notice.
    static let deliveryGathering = DispatchTimeInterval.milliseconds(50)

    func runDelivery() {
        deliveryWanted = false
        deliveryRunning = true
        let pipeline = pipeline
        let queue = executor.queue
        workQueue.asyncAfter(deadline: .now() + Self.deliveryGathering) { [driver = self] in
            let ok = pipeline.deliver()
            queue.async { driver.assumeIsolated { $0.deliveryFinished(ok) } }
        }
    }

    func deliveryFinished(_ ok: Bool) {
        deliveryRunning = false
        guard ok else {
            scheduleDeliveryRetry()
            return
        }
        deliveryBackoff = 0
        if deliveryWanted { runDelivery() }
    }

    /// After a failed delivery: try again in 1 s, doubling up to 5 min, until it works.
    func scheduleDeliveryRetry() {
        guard deliveryRetry == nil else { return }
        deliveryBackoff = deliveryBackoff == 0 ? 1 : min(300, deliveryBackoff * 2)
        let timer = makeTimer { $0.retryDelivery() }
        timer.schedule(deadline: .now() + deliveryBackoff)
        deliveryRetry = timer
        logger.warning("alert delivery will be retried", metadata: ["in_seconds": "\(deliveryBackoff)"])
    }

    /// Delivers pending alerts now (retry timer, or the log was reopened).
    func retryDelivery() {
        deliveryRetry?.cancel()
        deliveryRetry = nil
        if deliveryRunning {
            deliveryWanted = true
        } else {
            runDelivery()
        }
    }
}
