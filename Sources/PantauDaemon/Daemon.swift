import Foundation
import Logging
import PantauConfig
import PantauExtractor
import PantauFeeds
import PantauFetch
import PantauStore
import PantauWatch

/// Pantau's service: opens the state and the alerts log, compiles the watch lists, and
/// polls the configured feeds until stopped (or once).
public final class Daemon: Sendable {
    /// The configuration in force.
    public let configuration: PantauConfiguration
    /// The state database.
    public let store: StateStore
    /// The alerts log.
    public let alertLog: AlertLogFile
    let pipeline: FeedPipeline
    let fetcher: Fetcher
    let logger: Logger
    let driverBox = DriverBox()

    /// Opens state and log for `configuration`. Throws ``StoreError`` or ``AlertLogError``
    /// with the path and reason.
    public init(configuration: PantauConfiguration, logger: Logger) throws {
        self.configuration = configuration
        self.logger = logger
        self.store = try StateStore(directory: configuration.daemon.stateDirectory)
        self.alertLog = try AlertLogFile(path: configuration.daemon.alertsLog)
        let delivery = AlertDelivery(store: store, log: alertLog, logger: logger)
        let builder = AlertBuilder(matcher: WatchMatcher(watches: configuration.watches))
        self.pipeline = FeedPipeline(store: store, builder: builder, delivery: delivery, logger: logger)
        self.fetcher = Fetcher(
            configuration: .init(maxConcurrent: configuration.daemon.maxConcurrentFetches),
            executor: DispatchQueueExecutor(label: "pantau.loop"), logger: logger
        )
    }

    /// Polls feeds: each once when `once` is true, else at their intervals until ``stop()``.
    /// Alerts left in the outbox by an earlier run are delivered first.
    public func run(once: Bool) async -> RunSummary {
        pipeline.deliver()
        let driver = PollDriver(configuration: configuration, once: once, fetcher: fetcher, pipeline: pipeline, logger: logger)
        let stopEarly = driverBox.install(driver)
        logger.info("polling", metadata: ["feeds": "\(configuration.feeds.count)", "watches": "\(configuration.watches.count)", "once": "\(once)"])
        if stopEarly { stop() }
        let summary = await driver.run()
        _ = driverBox.install(nil)
        pipeline.deliver()
        return summary
    }

    /// Asks a running ``run(once:)`` to finish: no new fetches, running ones cancelled.
    /// Safe to call from any thread (signal handlers).
    public func stop() {
        guard let driver = driverBox.requestStop() else { return }
        driver.executor.queue.async { driver.assumeIsolated { $0.stop() } }
    }
}
