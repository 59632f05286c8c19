import Foundation
import Logging
import PantauConfig
import PantauExtractor
import PantauFeeds
import PantauFetch
import PantauStore
import PantauWatch
import Synchronization

/// Pantau's service: opens the state and the alerts log, compiles the watch lists, and
/// polls the configured feeds until stopped (or once). Reload, log reopening and stop are
/// safe to call from any thread (signal handlers); they hop onto the event loop.
public final class Daemon: Sendable {
    /// The configuration the daemon started with.
    public let configuration: PantauConfiguration
    /// The state database.
    public let store: StateStore
    /// The alerts log.
    public let alertLog: AlertLogFile
    let delivery: AlertDelivery
    let fetcher: Fetcher
    let logger: Logger
    let notifier: ServiceNotifier
    let driverBox = DriverBox()
    let lock: StateDirectoryLock
    /// Stories across feeds and reloads.
    let stories: StoryBook
    /// Deliveries to the watch lists' sinks.
    public let sinks: SinkDispatcher
    /// The files the running configuration was read from (the last one applied).
    let appliedInputs: Mutex<ConfigInputs?>

    /// Takes the state directory's lock and opens state and log for `configuration`.
    /// Throws ``StateDirectoryLockError``, ``StoreError`` or ``AlertLogError`` with the path
    /// and reason. `notifier` reports to systemd (inactive by default).
    public init(configuration: PantauConfiguration, logger: Logger, notifier: ServiceNotifier = ServiceNotifier(environment: [:])) throws {
        self.configuration = configuration
        self.logger = logger
        self.notifier = notifier
        self.lock = try StateDirectoryLock(directory: configuration.daemon.stateDirectory)
        self.store = try StateStore(directory: configuration.daemon.stateDirectory)
        self.stories = StoryBook(store: store, window: configuration.daemon.storyWindow, logger: logger)
        self.alertLog = try AlertLogFile(path: configuration.daemon.alertsLog)
        self.delivery = AlertDelivery(store: store, log: alertLog, logger: logger)
        self.fetcher = Fetcher(
            configuration: .init(maxConcurrent: configuration.daemon.maxConcurrentFetches, maxPerHost: configuration.daemon.maxPerHost,
                                 userAgent: Fetcher.userAgent(contact: configuration.daemon.userAgentContact)),
            executor: DispatchQueueExecutor(label: "pantau.loop"), logger: logger
        )
        self.sinks = SinkDispatcher(store: store, fetcher: fetcher, logger: logger)
        self.appliedInputs = Mutex(configuration.inputs)
    }

    /// The pipeline for `configuration` over this daemon's store and log.
    func pipeline(for configuration: PantauConfiguration, parsing: Bool = true) -> FeedPipeline {
        stories.setWindow(configuration.daemon.storyWindow)
        sinks.configure(configuration.watches)
        var pipeline = FeedPipeline(store: store, watches: configuration.watches, delivery: delivery, logger: logger, stories: stories,
                                    parsing: parsing)
        pipeline.seenRetention = configuration.daemon.seenRetention
        return pipeline
    }

    /// Polls feeds: each once when `once` is true, else at their intervals until ``stop()``.
    /// Alerts left in the outbox by an earlier run are delivered first. Sends `READY=1`
    /// once polling has started.
    /// `fetchOnly` (a benchmark mode) fetches and classifies without parsing.
    public func run(once: Bool, fetchOnly: Bool = false) async -> RunSummary {
        let pipeline = pipeline(for: configuration, parsing: !fetchOnly)
        _ = pipeline.deliver()
        let driver = PollDriver(configuration: configuration, once: once, fetcher: fetcher, pipeline: pipeline,
                                notifier: notifier, logger: logger)
        let (stopEarly, pendingReload) = driverBox.install(driver)
        logger.info("polling", metadata: ["feeds": "\(configuration.feeds.count)", "watches": "\(configuration.watches.count)", "once": "\(once)"])
        if stopEarly { stop() }
        pendingReload?()
        // Sinks are served by their own task: a slow program or an unreachable webhook never
        // holds up polling. It sleeps until alerts reach the log (stories changed, sink
        // deliveries queued) or a failed delivery's retry falls due, so an idle daemon does
        // no work between polls; and it runs at most once a second, so a burst of deliveries
        // is one pass.
        let sinkTask = Task { [sinks, stories, written = delivery.written] in
            while !Task.isCancelled {
                let pass = ContinuousClock.now
                stories.flush()
                await sinks.runDue()
                await written.wait(timeout: sinks.nextDue().map { .seconds(max(0, $0.timeIntervalSinceNow)) })
                try? await Task.sleep(until: pass + .seconds(1))
            }
        }
        let summary = await driver.run()
        // The log's frames so far are copied into the database file while the stories are
        // encoded and saved: the final checkpoint below has only those left (a cold poll of
        // 1,000 feeds: 19–22 → 10–12 ms at its end).
        store.checkpointSoon()
        sinkTask.cancel()
        await sinkTask.value        // its current pass finishes before the final one starts
        _ = driverBox.install(nil)
        _ = pipeline.deliver()
        stories.flush()
        await sinks.runDue()
        do {
            try store.commitStaged()
        } catch {
            logger.error("could not save feed states", metadata: ["error": "\(error)"])
        }
        if !store.checkpointAll() {
            logger.warning("the state's write-ahead log could not be emptied; SQLite finishes it on the next start", metadata: ["path": "\(store.path)-wal"])
        }
        return summary
    }

    /// Reloads with `load` (see ``reload(_:)``), unless every file the running configuration
    /// was read from reads the same: then nothing is parsed, a refused reload's error is
    /// cleared (the files say what runs), and systemd still sees `RELOADING=1` … `READY=1`.
    /// Asked for before polling has started (a SIGHUP held during start), it runs then.
    public func reloadIfChanged(_ load: @escaping @Sendable () -> Result<PantauConfiguration, ConfigError>) {
        guard let driver = driverBox.currentOrDefer(reload: { [weak self] in self?.reloadIfChanged(load) }) else { return }
        guard let inputs = appliedInputs.withLock({ $0 }), ConfigLoader().isUnchanged(inputs) else {
            reload(load())
            return
        }
        driver.executor.queue.async { driver.assumeIsolated { $0.reloadUnchanged() } }
    }

    /// Applies a reloaded configuration, or reports why it was refused, with
    /// `RELOADING=1` … `READY=1` around it. On failure the daemon keeps its configuration.
    /// Asked for before polling has started, it is applied then.
    public func reload(_ result: Result<PantauConfiguration, ConfigError>) {
        guard let driver = driverBox.currentOrDefer(reload: { [weak self] in self?.reload(result) }) else { return }
        if case .success(let configuration) = result { appliedInputs.withLock { $0 = configuration.inputs } }
        let next = result.map { pipeline(for: $0) }
        driver.executor.queue.async {
            driver.assumeIsolated { driver in
                switch (result, next) {
                case (.success(let configuration), .success(let pipeline)):
                    driver.reload(configuration, pipeline: pipeline, keeping: self.configuration.daemon)
                case (.failure(let error), _), (_, .failure(let error)):
                    driver.reloadRefused(error)
                }
            }
        }
    }

    /// Reopens the alerts log (after logrotate moved it) and delivers anything pending.
    public func reopenLog() {
        do {
            try alertLog.reopen()
            logger.notice("alerts log reopened", metadata: ["path": "\(alertLog.path)"])
        } catch {
            logger.error("could not reopen the alerts log; alerts stay queued", metadata: ["error": "\(error)"])
        }
        guard let driver = driverBox.current() else { return }
        driver.executor.queue.async { driver.assumeIsolated { $0.retryDelivery() } }
    }

    /// Asks a running ``run(once:)`` to finish: `STOPPING=1`, no new fetches, running ones
    /// cancelled, in-flight alerts written. Safe to call from any thread.
    public func stop() {
        notifier.send("STOPPING=1")
        guard let driver = driverBox.requestStop() else { return }
        driver.executor.queue.async { driver.assumeIsolated { $0.stop() } }
    }
}
