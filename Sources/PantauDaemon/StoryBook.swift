import Foundation
import Logging
import PantauStore
import PantauWatch
import Synchronization

/// The daemon's story tracker: one ``StoryTracker`` shared by every feed's pipeline (feeds
/// are ingested concurrently), loaded from the state store at start and kept across reloads.
public final class StoryBook: Sendable {
    private let tracker: Mutex<StoryTracker?>
    private let store: StateStore
    private let logger: Logger
    private let configuredWindow: Mutex<Double>

    /// Creates the book; stored stories are read when the first alert is filed, so a poll
    /// that alerts on nothing never pays for them.
    public init(store: StateStore, window: Double, logger: Logger) {
        self.store = store
        self.logger = logger
        self.tracker = Mutex(nil)
        self.configuredWindow = Mutex(window)
    }

    func loaded() -> StoryTracker {
        var stories: [StoryTracker.Story] = []
        let decoder = JSONDecoder()
        for (key, data) in (try? store.stories()) ?? [] {
            if let story = try? decoder.decode(StoryTracker.Story.self, from: Data(data.utf8)) {
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
        tracker.withLock { $0?.window = window }
    }

    /// The story window in seconds.
    public var window: Double { configuredWindow.withLock { $0 } }

    /// Files a report; returns the outcomes and the story's new state as JSON for the store.
    func observe(_ report: StoryTracker.Report, watch: String, cooldown: Double, now: Date) -> (outcomes: [StoryTracker.Outcome], story: (key: String, lastSeen: Double, data: String)) {
        let (outcomes, story) = tracker.withLock { tracker in
            if tracker == nil { tracker = loaded() }
            return tracker!.observe(report, watch: watch, cooldown: cooldown, now: now.timeIntervalSince1970)
        }
        return (outcomes, (story.key, story.lastSeen, story.json()))
    }
}
