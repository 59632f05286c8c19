import Foundation
import Logging
import PantauConfig
import PantauFeeds
import PantauFetch
import PantauStore
import PantauWatch

/// Everything after a fetch, for one feed: classify the response, parse, drop seen items,
/// extract and match the new ones, and stage "seen" and alerts as one commit. The driver's
/// next delivery or flush writes every staged commit in one transaction, their alerts
/// appended to the log (one write and fsync) just before it, so a burst of feeds costs a few
/// of each. CPU-bound; the driver runs it off the event loop.
public struct FeedPipeline: Sendable {
    /// The state database.
    let store: StateStore
    let parser: FeedParser
    /// Built in the background: the first fetched body waits for it, fetching does not.
    let builderSource: Precomputed<AlertBuilder>
    let delivery: AlertDelivery
    /// Story clustering and escalation tracking (nil: every alert stands alone).
    let stories: StoryBook?
    /// How many sinks each watch list has (their jobs are queued with the alerts).
    let sinkCounts: [String: Int]
    let classifier = ResponseClassifier()
    let logger: Logger
    /// False in the fetch-only benchmark mode: responses are classified and validators
    /// kept, but bodies are not parsed and no item is recorded.
    public var parsing = true
    /// Seconds a seen id is kept once its feed no longer lists it (`seen_retention`); each
    /// feed forgets older ones at most once per ``pruneEvery``, on a poll that parsed it.
    public var seenRetention: Double = 90 * 86_400
    /// How often a feed's old seen ids are looked for.
    static let pruneEvery: Double = 86_400

    var builder: AlertBuilder { builderSource.value }

    /// Creates a pipeline.
    public init(store: StateStore, parser: FeedParser = FeedParser(), builder: AlertBuilder, delivery: AlertDelivery, logger: Logger,
                stories: StoryBook? = nil) {
        self.init(store: store, parser: parser, builder: Precomputed(ready: builder), watches: builder.matcher.watches,
                  delivery: delivery, logger: logger, stories: stories)
    }

    /// Creates a pipeline whose alert builder for `watches` is built in the background (on
    /// first use when not `parsing`: the fetch-only mode never needs it).
    init(store: StateStore, watches: [WatchDefinition], delivery: AlertDelivery, logger: Logger, stories: StoryBook?, parsing: Bool = true) {
        self.init(store: store, parser: FeedParser(), builder: Precomputed(background: parsing) { AlertBuilder(watches: watches) },
                  watches: watches, delivery: delivery, logger: logger, stories: stories)
        self.parsing = parsing
    }

    init(store: StateStore, parser: FeedParser, builder: Precomputed<AlertBuilder>, watches: [WatchDefinition], delivery: AlertDelivery,
         logger: Logger, stories: StoryBook?) {
        self.store = store
        self.parser = parser
        self.builderSource = builder
        self.delivery = delivery
        self.stories = stories
        self.sinkCounts = Dictionary(watches.map { ($0.name, $0.sinks.count) }, uniquingKeysWith: { a, _ in a })
        self.logger = logger
    }

    /// The request for `feed`'s next poll, with the validators of its last 200 response
    /// (dropped when the feed's URL changed since).
    /// A feed that has moved permanently is fetched at its new URL.
    public func request(for feed: FeedConfig, limits: FetchLimits) -> FetchRequest {
        let state = try? store.feedState(feed.name)
        guard let state, state.url == feed.url else { return FetchRequest(url: feed.url, limits: limits) }
        return FetchRequest(url: state.fetchURL, etag: state.etag, lastModified: state.lastModified, limits: limits)
    }

    /// Handles the result of polling `feed`. Never throws: every failure is logged with the
    /// feed's name and URL and reported, so other feeds carry on.
    public func handle(feed: FeedConfig, result: Result<FetchResponse, FetchError>, now: Date = Date()) -> FeedReport {
        var state = (try? store.feedState(feed.name)) ?? FeedState(name: feed.name, url: feed.url)
        if state.url != feed.url {
            state = FeedState(name: feed.name, url: feed.url)
        }
        state.lastPoll = now
        var report = FeedReport(feed: feed.name)
        var newValidators: Validators?
        var duration = 0.0

        switch result {
        case .failure(let error):
            report.error = error.description
            report.hostWide = [.dns, .connect, .tls, .timeout].contains(error.kind)
        case .success(let response):
            report.status = response.status
            duration = response.duration
            trackPermanentRedirect(response, feed: feed, state: &state)
            switch classifier.classify(status: response.status, headers: response.headers, now: now) {
            case .notModified:
                break
            case .retryLater(let status, let retryAfter):
                report.error = "HTTP \(status) from \(URLRedaction.redact(response.effectiveURL)); the server asks to retry later"
                report.retryAfter = retryAfter
            case .failed(let status, let permanent):
                report.error = "HTTP \(status) from \(URLRedaction.redact(response.effectiveURL))" + (permanent ? "; check the feed's url in the config" : "")
            case .content(let validators) where !parsing:
                newValidators = validators
            case .content(let validators):
                do {
                    // The first parsed poll starts the clock; a day later, ids the feed no
                    // longer lists and first seen before the retention go with its commit.
                    let pruneDue = state.seenPruned.map { now.timeIntervalSince($0) >= Self.pruneEvery } ?? false
                    let (items, newItems, alerts, hint) = try ingest(feed: feed, response: response, now: now, pruneSeen: pruneDue)
                    if pruneDue || state.seenPruned == nil { state.seenPruned = now }
                    report.items = items
                    report.newItems = newItems
                    report.alerts = alerts
                    report.hint = hint
                    newValidators = validators
                } catch {
                    report.error = "\(error)"
                }
            }
        }

        if let error = report.error {
            state.lastError = error
            state.lastStatus = report.status
            state.consecutiveErrors += 1
            logger.error("feed poll failed", metadata: ["feed": "\(feed.name)", "url": "\(feed.shownURL)", "error": "\(error)"])
        } else {
            state.lastError = nil
            state.lastStatus = report.status
            state.lastSuccess = now
            state.consecutiveErrors = 0
            if let newValidators {
                state.etag = newValidators.etag
                state.lastModified = newValidators.lastModified
            }
            // Thousands of feeds polled every few minutes: a poll that brought nothing new
            // (a 304 most often) is a debug line, so the journal keeps what happened.
            logger.log(level: report.newItems > 0 || report.alerts > 0 ? .info : .debug, "feed polled", metadata: [
                "feed": "\(feed.name)", "url": "\(feed.shownURL)", "status": "\(report.status ?? 0)", "items": "\(report.items)",
                "new": "\(report.newItems)", "alerts": "\(report.alerts)", "duration": "\((duration * 1000).rounded() / 1000)",
            ])
        }
        do {
            try store.save(state)
        } catch {
            logger.error("could not save feed state", metadata: ["feed": "\(feed.name)", "error": "\(error)"])
        }
        return report
    }

    /// Counts permanent redirects to the same place; after
    /// ``StateStore/redirectsBeforeMove`` in a row the feed is fetched there directly.
    func trackPermanentRedirect(_ response: FetchResponse, feed: FeedConfig, state: inout FeedState) {
        guard let target = response.permanentlyMovedTo else {
            // Fetching the stored new URL directly involves no redirect: keep it.
            if state.fetchURL == state.url {
                state.movedTo = nil
                state.permanentRedirects = 0
            }
            return
        }
        if state.movedTo == target {
            state.permanentRedirects += 1
        } else {
            state.movedTo = target
            state.permanentRedirects = 1
        }
        if state.permanentRedirects == StateStore.redirectsBeforeMove {
            logger.notice("feed moved permanently; fetching the new URL until the config changes it", metadata: [
                "feed": "\(feed.name)", "url": "\(feed.shownURL)", "moved_to": "\(URLRedaction.redact(target))",
            ])
        } else if state.permanentRedirects < StateStore.redirectsBeforeMove {
            logger.warning("feed redirects permanently; update its url in the config", metadata: [
                "feed": "\(feed.name)", "url": "\(feed.shownURL)", "moved_to": "\(URLRedaction.redact(target))", "times": "\(state.permanentRedirects)",
            ])
        }
    }

    /// Parses the body, keeps unseen items, raises alerts and commits. Returns
    /// (items, new items, alerts, polling hint).
    func ingest(feed: FeedConfig, response: FetchResponse, now: Date, pruneSeen: Bool = false) throws -> (Int, Int, Int, PollHint) {
        let parsed: Feed
        do {
            // Relative links resolve against where the feed ended up (a file:// feed's own
            // path), without its user part: items must not carry a private feed's credentials.
            parsed = try parser.parse(response.body, url: URLRedaction.withoutUser(response.effectiveURL), contentType: response.headers["Content-Type"])
        } catch {
            let mediaType = classifier.contentType(response.headers).mediaType
            let served = mediaType.map { classifier.mayBeFeed(mediaType: $0) ? " (served as \($0))" : " (served as \($0), which is not a feed type: is the url a web page?)" } ?? ""
            throw PipelineError(message: "cannot parse feed\(served): \(error)")
        }
        if !parsed.wellFormed {
            logger.warning("feed is not well-formed XML; read what could be recovered", metadata: ["feed": "\(feed.name)", "url": "\(feed.shownURL)"])
        }
        let ids = parsed.items.map(\.id)
        let unseen = try store.unseen(feed: feed.name, ids: ids)
        // `unseen` keeps the items' order and each id once (its first occurrence): walking
        // both in step finds the new items without hashing any id again.
        var next = 0
        let newItems = parsed.items.filter { item in
            guard next < unseen.count, item.id == unseen[next] else { return false }
            next += 1
            return true
        }
        var alerts: [(id: String, record: String)] = []
        var sinkJobs: [(sink: String, alertID: String, record: String)] = []
        let builder = builder  // once per feed, not per item
        for item in newItems {
            for candidate in builder.candidates(for: item, feed: feed, now: now) {
                var records = [candidate.record]
                if let stories {
                    let outcomes = stories.observe(candidate.report, watch: candidate.record.watch, cooldown: candidate.cooldown, now: now)
                    records = outcomes.map { Self.record(for: $0, from: candidate.record) }
                }
                let sinkCount = sinkCounts[candidate.record.watch] ?? 0
                for record in records {
                    let json = record.jsonLine()
                    alerts.append((record.alertID, json))
                    for i in 0..<sinkCount { sinkJobs.append((SinkDispatcher.id(watch: record.watch, index: i), record.alertID, json)) }
                }
            }
        }
        // Written with other feeds' results by the next delivery or flush (see
        // ``StateStore/stage(_:)``).
        let prune = pruneSeen ? (keep: ids, firstSeenBefore: now.addingTimeInterval(-seenRetention)) : nil
        store.stage(StagedCommit(feed: feed.name, items: unseen, alerts: alerts, sinkJobs: sinkJobs, now: now, prune: prune))
        let hint = PollHint(publishingGap: parsed.publishingGap, lowerBound: parsed.minimumPollInterval)
        return (parsed.items.count, newItems.count, alerts.count, hint)
    }

    /// The record a story outcome calls for, made from the alert the watch list raised.
    static func record(for outcome: StoryTracker.Outcome, from alert: AlertRecord) -> AlertRecord {
        var record = alert
        func cite(_ c: StoryTracker.Citation) -> AlertRecord.Citation { .init(id: c.itemID, feed: c.feed, title: c.title, link: c.link) }
        switch outcome {
        case .alert(let story):
            record.story = story
        case .corroboration(let story, let newSources, let newFacts):
            record.kind = "corroboration"
            record.story = story
            record.details = AlertBuilder.boundedDetails(newSources.map { "new source: \($0)" } + newFacts.map { "new fact: \($0)" })
            record.alertID = StableHash.hex(alert.feed.name, alert.item.id, alert.watch, "corroboration")
        case .escalation(let story, let what, let previous, let current):
            record.kind = "escalation"
            record.story = story
            record.details = [what]
            // Escalation in numbers or assets is itself a documented boost.
            let raised = (Severity(rawValue: alert.severity) ?? .medium).raised
            record.severityReasons = (alert.severityReasons ?? []) + ["escalation (\(what)): +1 → \(raised.rawValue)"]
            record.severity = raised.rawValue
            record.cites = [cite(previous), cite(current)]
            record.alertID = StableHash.hex(alert.feed.name, alert.item.id, alert.watch, "escalation", what)
        }
        return record
    }

    /// Writes pending alerts to the log; on failure they stay in the outbox for a retry.
    /// Returns false when the log could not be written.
    @discardableResult
    public func deliver() -> Bool {
        do {
            try delivery.deliverPending()
            return true
        } catch {
            logger.error("could not write alerts to the log; they stay queued", metadata: ["error": "\(error)"])
            return false
        }
    }
}

/// A pipeline step failed (the message says which and why).
struct PipelineError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
