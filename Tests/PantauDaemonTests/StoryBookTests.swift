import Foundation
import PantauExtractor
import PantauWatch
import Testing
@testable import PantauDaemon

@Suite struct StoryBookTests {
    @Test func storiesEncodedOnTwoThreadsKeepTheirOrderAndBytes() {
        let extractor = Extractor()
        var tracker = StoryTracker()
        let places = ["Rusia", "Ukraina", "Suriah", "Yaman", "Sudan", "Libya", "Irak"]
        for i in 0..<40 {
            let text = "Negara \(i) mengirim \(100 + i) tentara ke \(places[i % places.count]), kata menteri \(i)."
            let report = StoryTracker.Report(itemID: "i\(i)", feed: "f\(i % 3)", title: "Judul \(i)", link: nil, extraction: extractor.extract(text))
            _ = tracker.observe(report, watch: "w\(i % 4)", cooldown: 3600, now: Double(i))
        }
        let stories = tracker.stories.values.sorted { $0.key < $1.key }
        #expect(stories.count > 4)
        let serial = StoryBook.encode(stories, parallelFrom: .max)
        let parallel = StoryBook.encode(stories, parallelFrom: 1)
        #expect(parallel.map(\.key) == stories.map(\.key))
        #expect(parallel.map(\.data) == stories.map { $0.json() })
        #expect(parallel.map(\.lastSeen) == serial.map(\.lastSeen))
    }
}
