import Foundation
import Logging
import PantauStore
import PantauWatch
import Synchronization

/// The daemon's story tracker: one ``StoryTracker`` shared by every feed's pipeline (feeds
/// are ingested concurrently), loaded from the state store at start and kept across reloads.
public final class StoryBook: Sendable {
    /// The tracker (nil until the first alert) and the keys of the stories changed since the
    /// last ``flush()``, under one lock: filing a report takes it once.
    private let book = Mutex<(tracker: StoryTracker?, dirty: Set<String>)>((nil, []))
    private let store: StateStore
    private let logger: Logger
    private let configuredWindow: Mutex<Double>
    private let lastPurge = Mutex(-Double.infinity)

    /// The cut-off for deleting expired stories from the store, at most once a minute (the
    /// delete scans the table); nil when it is not yet time.
    func purgeCutoff(now: Date) -> Double? {
        let t = now.timeIntervalSince1970
        return lastPurge.withLock { last in
            guard t - last >= 60 else { return nil }
            last = t
            return t - window
        }
    }

    /// Creates the book; stored stories are read when the first alert is filed, so a poll
    /// that alerts on nothing never pays for them.
    public init(store: StateStore, window: Double, logger: Logger) {
        self.store = store
        self.logger = logger
        self.configuredWindow = Mutex(window)
    }

    func loaded() -> StoryTracker {
        var stories: [StoryTracker.Story] = []
        // The tracker keeps at most this many: reading more would only have them trimmed.
        for (key, data) in (try? store.stories(newest: StoryTracker.defaultMaxStories)) ?? [] {
            if let story = StoryTracker.Story(json: Data(data.utf8)) {
                stories.append(story)
            } else {
                logger.warning("dropping a stored story that cannot be read", metadata: ["story": "\(key)"])
            }
        }
        return StoryTracker(stories: stories, window: configuredWindow.withLock { $0 })
    }

    /// Changes how long stories stay open (a reload).
    public func setWindow(_ window: Double) {
        configuredWindow.withLock { $0 = window }
        book.withLock { $0.tracker?.window = window }
    }

    /// The story window in seconds.
    public var window: Double { configuredWindow.withLock { $0 } }

    /// Files a report; returns what to record. The story is saved by the next ``flush()``.
    func observe(_ report: StoryTracker.Report, watch: String, cooldown: Double, now: Date) -> [StoryTracker.Outcome] {
        book.withLock { book in
            if book.tracker == nil { book.tracker = loaded() }
            let (outcomes, story) = book.tracker!.observe(report, watch: watch, cooldown: cooldown, now: now.timeIntervalSince1970)
            book.dirty.insert(story.key)
            return outcomes
        }
    }

    /// (key, last seen, JSON) rows for `stories`, in order; above `parallelFrom` stories the
    /// JSON is written on two threads.
    static func encode(_ stories: [StoryTracker.Story], parallelFrom: Int = 512) -> [(key: String, lastSeen: Double, data: String)] {
        guard stories.count >= parallelFrom else { return stories.map { ($0.key, $0.lastSeen, $0.json()) } }
        let half = stories.count / 2
        let parts = Mutex<[[String]]>([[], []])
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            let range = part == 0 ? 0..<half : half..<stories.count
            let json = stories[range].map { $0.json() }
            parts.withLock { $0[part] = json }
        }
        let json = parts.withLock { $0[0] + $0[1] }
        return zip(stories, json).map { ($0.key, $0.lastSeen, $1) }
    }

    /// Saves the stories changed since the last flush (and purges expired ones) in one
    /// transaction. Called every second and at shutdown: a crash loses at most a second of
    /// story state, which can turn a later corroboration into a fresh alert, never lose one.
    public func flush(now: Date = Date()) {
        // Copied under the lock (the workers wait for it to file reports), encoded outside it:
        // on two threads when there are many, as at the end of a poll.
        let (keys, stories) = book.withLock { book -> (Set<String>, [StoryTracker.Story]) in
            let keys = book.dirty
            book.dirty.removeAll()
            guard let tracker = book.tracker else { return (keys, []) }
            return (keys, keys.compactMap { tracker.stories[$0] })
        }
        let cutoff = purgeCutoff(now: now)
        guard !keys.isEmpty || cutoff != nil else { return }
        let rows = Self.encode(stories)
        do {
            try store.saveStories(rows, expireBefore: cutoff, keepNewest: StoryTracker.defaultMaxStories + StoryTracker.defaultMaxStories / 10)
        } catch {
            book.withLock { $0.dirty.formUnion(keys) }
            logger.error("could not save stories; will retry", metadata: ["error": "\(error)"])
        }
    }
}
