import Foundation
import Logging
import PantauStore
import PantauWatch
import Synchronization

/// The daemon's story tracker: one ``StoryTracker`` shared by every feed's pipeline (feeds
/// are ingested concurrently), loaded from the state store at start and kept across reloads.
public final class StoryBook: Sendable {
    private let tracker: Mutex<StoryTracker>

    /// Loads stored stories; one that cannot be decoded is dropped and logged.
    public init(store: StateStore, window: Double, logger: Logger) {
        var stories: [StoryTracker.Story] = []
        let decoder = JSONDecoder()
        for (key, data) in (try? store.stories()) ?? [] {
            if let story = try? decoder.decode(StoryTracker.Story.self, from: Data(data.utf8)) {
                stories.append(story)
            } else {
                logger.warning("dropping a stored story that cannot be read", metadata: ["story": "\(key)"])
            }
        }
        tracker = Mutex(StoryTracker(stories: stories, window: window))
    }

    /// Changes how long stories stay open (a reload).
    public func setWindow(_ window: Double) { tracker.withLock { $0.window = window } }

    /// The story window in seconds.
    public var window: Double { tracker.withLock { $0.window } }

    /// Files a report; returns the outcomes and the story's new state as JSON for the store.
    func observe(_ report: StoryTracker.Report, watch: String, cooldown: Double, now: Date) -> (outcomes: [StoryTracker.Outcome], story: (key: String, lastSeen: Double, data: String)) {
        let (outcomes, story) = tracker.withLock { $0.observe(report, watch: watch, cooldown: cooldown, now: now.timeIntervalSince1970) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(story)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return (outcomes, (story.key, story.lastSeen, data))
    }
}
