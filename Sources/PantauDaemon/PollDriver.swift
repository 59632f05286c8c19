import Dispatch
import Foundation
import Logging
import PantauConfig
import PantauFetch

/// The thin driver that carries out ``PollScheduler`` actions: it starts fetches, arms one
/// Dispatch timer for the next wake-up, hands results to the ``FeedPipeline`` on a worker
/// queue and feeds the reports back to the scheduler.
///
/// It runs on the same serial executor as the ``Fetcher``, so fetch completions enter it
/// synchronously with `assumeIsolated`.
actor PollDriver {
    nonisolated let executor: DispatchQueueExecutor
    nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }

    let fetcher: Fetcher
    let pipeline: FeedPipeline
    let limits: FetchLimits
    let logger: Logger
    let workQueue = DispatchQueue(label: "pantau.work", attributes: .concurrent)
    let origin = DispatchTime.now()
    var feeds: [String: FeedConfig]
    var scheduler: PollScheduler<SystemRandomNumberGenerator>
    var timer: (any DispatchSourceTimer)?
    var inFlight: [String: Int] = [:]
    var summary = RunSummary()
    var finished: CheckedContinuation<RunSummary, Never>?
    var stopping = false

    init(configuration: PantauConfiguration, once: Bool, fetcher: Fetcher, pipeline: FeedPipeline, logger: Logger) {
        self.executor = fetcher.executor
        self.fetcher = fetcher
        self.pipeline = pipeline
        self.logger = logger
        self.limits = FetchLimits(totalTimeout: configuration.daemon.fetchTimeout, maxBodyBytes: configuration.daemon.maxBodyBytes)
        self.feeds = Dictionary(uniqueKeysWithValues: configuration.feeds.map { ($0.name, $0) })
        self.scheduler = PollScheduler(
            feeds: configuration.feeds.map { ($0.name, $0.interval) },
            maxConcurrent: configuration.daemon.maxConcurrentFetches, once: once, now: 0,
            random: SystemRandomNumberGenerator()
        )
    }

    /// Monotonic seconds since the driver was created.
    var now: Double { Double(DispatchTime.now().uptimeNanoseconds - origin.uptimeNanoseconds) / 1e9 }

    /// Polls until the scheduler finishes (`once`) or ``stop()`` is called.
    func run() async -> RunSummary {
        let timer = DispatchSource.makeTimerSource(queue: executor.queue)
        timer.setEventHandler { [weak self] in
            self?.assumeIsolated { $0.perform($0.scheduler.tick(now: $0.now)) }
        }
        timer.schedule(deadline: .distantFuture)
        timer.resume()
        self.timer = timer
        return await withCheckedContinuation { continuation in
            finished = continuation
            perform(scheduler.tick(now: now))
        }
    }

    /// Stops starting fetches, cancels running ones, and lets ``run()`` return.
    func stop() {
        guard !stopping else { return }
        stopping = true
        logger.info("stopping: no new fetches")
        let running = inFlight.values
        perform(scheduler.stop(now: now))
        for id in running {
            fetcher.assumeIsolated { $0.cancel(id) }
        }
    }

    func perform(_ actions: [PollScheduler<SystemRandomNumberGenerator>.Action]) {
        for action in actions {
            switch action {
            case .fetch(let name):
                guard let feed = feeds[name] else { continue }
                startFetch(feed)
            case .wake(let at):
                let deadline = DispatchTime(uptimeNanoseconds: origin.uptimeNanoseconds + UInt64(max(0, at) * 1e9))
                timer?.schedule(deadline: deadline)
            case .finished:
                timer?.cancel()
                timer = nil
                finished?.resume(returning: summary)
                finished = nil
            }
        }
    }

    func startFetch(_ feed: FeedConfig) {
        let request = pipeline.request(for: feed, limits: limits)
        let id = fetcher.assumeIsolated { fetcher in
            fetcher.start(request) { [weak self] result in
                self?.assumeIsolated { $0.fetched(feed, result) }
            }
        }
        inFlight[feed.name] = id
    }

    func fetched(_ feed: FeedConfig, _ result: Result<FetchResponse, FetchError>) {
        inFlight[feed.name] = nil
        if case .failure(let error) = result, error.kind == .cancelled, stopping {
            perform(scheduler.completed(feed: feed.name, outcome: .success, now: now))
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
        perform(scheduler.completed(feed: report.feed, outcome: report.outcome, now: now))
    }
}
