import Foundation
import PantauExtractor
import Testing
@testable import PantauWatch

/// Story clustering and escalation tracking across reports from different outlets.
@Suite struct StoryTrackerTests {
    static let extractor = Extractor()
    let hour = 3600.0

    func report(_ feed: String, _ id: String, _ text: String) -> StoryTracker.Report {
        StoryTracker.Report(itemID: id, feed: feed, title: String(text.prefix(40)), link: nil, extraction: Self.extractor.extract(text))
    }

    @Test func nearDuplicateRewritesShareAStory() {
        let a = report("antara", "a1", "Badan intelijen Korea Selatan menyatakan bahwa Korea Utara telah mengirim 1.500 tentara ke Rusia untuk pelatihan sebelum dikirim ke Ukraina, menurut laporan Yonhap pada Jumat.")
        let b = report("tempo", "t1", "Badan intelijen Korea Selatan menyatakan Korea Utara telah mengirim 1.500 tentara ke Rusia untuk pelatihan sebelum dikirim ke Ukraina, menurut laporan Yonhap hari Jumat.")
        #expect(SimHash.distance(a.simhash, b.simhash) <= 12)
        var tracker = StoryTracker()
        let first = tracker.observe(a, watch: "troops", cooldown: 6 * hour, now: 0)
        let second = tracker.observe(b, watch: "troops", cooldown: 6 * hour, now: hour)
        guard case .alert(let story) = first.outcomes.first, case .corroboration(let same, let newSources, _) = second.outcomes.first else {
            Issue.record("expected alert then corroboration: \(first.outcomes) \(second.outcomes)")
            return
        }
        #expect(story == same)
        #expect(newSources == ["tempo"])
    }

    @Test func aFeedRepublishingItsOwnTextWithinTheCooldownRecordsNothing() {
        let text = "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS."
        var tracker = StoryTracker()
        _ = tracker.observe(report("antara", "a1", text), watch: "troops", cooldown: 6 * hour, now: 0)
        // The same feed, the same words, a new id: nothing is new.
        let republished = tracker.observe(report("antara", "a1-again", text), watch: "troops", cooldown: 6 * hour, now: hour)
        #expect(republished.outcomes.isEmpty)
        // Another feed syndicating the same words corroborates, once.
        let syndicated = tracker.observe(report("tempo", "t1", text), watch: "troops", cooldown: 6 * hour, now: 2 * hour)
        if case .corroboration(_, let newSources, _) = syndicated.outcomes.first { #expect(newSources == ["tempo"]) } else { Issue.record("\(syndicated.outcomes)") }
        #expect(tracker.observe(report("tempo", "t1-again", text), watch: "troops", cooldown: 6 * hour, now: 3 * hour).outcomes.isEmpty)
        // A follow-up in other words from the first feed still corroborates, facts or not.
        let followUp = tracker.observe(report("antara", "a2", "Korea Utara mengirim 1.500 tentara ke Rusia gelombang kedua, kata NIS."),
                                       watch: "troops", cooldown: 6 * hour, now: 4 * hour)
        if case .corroboration = followUp.outcomes.first {} else { Issue.record("expected a corroboration: \(followUp.outcomes)") }
        // Past the cooldown the story alerts again, republished or not.
        let later = tracker.observe(report("antara", "a1-later", text), watch: "troops", cooldown: 6 * hour, now: 7 * hour)
        if case .alert = later.outcomes.first {} else { Issue.record("expected an alert past the cooldown: \(later.outcomes)") }
        #expect(later.story.filed.count == 3)
    }

    func frames(_ range: Range<Int>) -> [StoryTracker.Frame] {
        range.map { .init(type: "deployment", actor: "A\($0)", destination: "B\($0)", count: Double($0 + 1), assets: ["troops"]) }
    }

    @Test func reportsMergeTheirFramesNamesAndSourcesEachOnce() {
        // Two reports that overlap in the middle, within the story's bounds.
        let first = StoryTracker.Report(itemID: "1", feed: "a", title: "t", simhash: 42, entities: (0..<120).map { "P\($0)" }.sorted(),
                                        frames: frames(0..<40), sources: ["a"] + (0..<100).map { "S\($0)" }.sorted())
        let second = StoryTracker.Report(itemID: "2", feed: "b", title: "t", simhash: 42, entities: (60..<180).map { "P\($0)" }.sorted(),
                                         frames: frames(20..<60), sources: ["b"] + (50..<150).map { "S\($0)" }.sorted())
        var tracker = StoryTracker()
        _ = tracker.observe(first, watch: "troops", cooldown: 6 * hour, now: 0)
        let merged = tracker.observe(second, watch: "troops", cooldown: 6 * hour, now: hour)
        guard case .corroboration(_, let newSources, let newFacts) = merged.outcomes.first else {
            Issue.record("expected a corroboration: \(merged.outcomes.prefix(1))")
            return
        }
        #expect(newSources == (["b"] + (100..<150).map { "S\($0)" }).sorted())
        #expect(newFacts.count == 2 * 20)  // each new frame: its count and its key
        #expect(merged.story.frameKeys == frames(0..<60).compactMap(\.key))
        #expect(merged.story.entities == (0..<180).map { "P\($0)" }.sorted())
        #expect(merged.story.sources == (["a", "b"] + (0..<150).map { "S\($0)" }).sorted())
    }

    @Test func aStoryKeepsBoundedFramesNamesAndSourcesWhateverItsReportsHold() {
        let huge = StoryTracker.Report(itemID: "1", feed: "a", title: "t", simhash: 42, entities: (0..<5_000).map { "P\($0)" }.sorted(),
                                       frames: frames(0..<5_000), sources: ["a"] + (0..<5_000).map { "S\($0)" }.sorted())
        let more = StoryTracker.Report(itemID: "2", feed: "b", title: "t", simhash: 42, entities: (5_000..<9_000).map { "P\($0)" }.sorted(),
                                       frames: frames(0..<5_000), sources: ["b"] + (5_000..<9_000).map { "S\($0)" }.sorted())
        var tracker = StoryTracker()
        let first = tracker.observe(huge, watch: "troops", cooldown: 6 * hour, now: 0)
        #expect(first.story.frameKeys == frames(0..<StoryTracker.maxFrameKeys).compactMap(\.key))
        #expect(first.story.maxCounts.count == StoryTracker.maxFrameKeys && first.story.firstCitations.count == StoryTracker.maxFrameKeys)
        #expect(first.story.entities.count == StoryTracker.maxEntities && first.story.sources.count == StoryTracker.maxSources)
        let second = tracker.observe(more, watch: "troops", cooldown: 6 * hour, now: hour)
        #expect(second.story.frameKeys.count == StoryTracker.maxFrameKeys)
        #expect(second.story.entities.count == StoryTracker.maxEntities && second.story.sources.count == StoryTracker.maxSources)
        #expect(tracker.stories.count == 1)
    }

    @Test func theSameFrameInOtherWordsJoinsTheStory() {
        let a = report("antara", "a1", "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS.")
        let b = report("reuters", "r1", "North Korea has sent 1,500 troops to Russia, South Korea's National Intelligence Service said on Friday.")
        var tracker = StoryTracker()
        _ = tracker.observe(a, watch: "troops", cooldown: 6 * hour, now: 0)
        let second = tracker.observe(b, watch: "troops", cooldown: 6 * hour, now: hour)
        #expect(tracker.stories.count == 1)
        if case .corroboration = second.outcomes.first {} else { Issue.record("expected a corroboration, got \(second.outcomes)") }
    }

    @Test func differentStoriesOnTheSameTopicStayApart() {
        var tracker = StoryTracker()
        _ = tracker.observe(report("antara", "a1", "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS."), watch: "korea", cooldown: 6 * hour, now: 0)
        let missile = tracker.observe(report("antara", "a2", "Korea Utara kembali meluncurkan rudal balistik ke Laut Jepang pada Kamis pagi, kata militer Korea Selatan."),
                                      watch: "korea", cooldown: 6 * hour, now: hour)
        let belarus = tracker.observe(report("tempo", "t9", "Rusia mengirim 3.000 tentara ke Belarus untuk latihan perang, kata kementerian pertahanan."),
                                      watch: "korea", cooldown: 6 * hour, now: 2 * hour)
        #expect(tracker.stories.count == 3)
        if case .alert = missile.outcomes.first {} else { Issue.record("missile test merged: \(missile.outcomes)") }
        if case .alert = belarus.outcomes.first {} else { Issue.record("Belarus deployment merged: \(belarus.outcomes)") }
    }

    @Test func escalationAcrossThreeReportsCitesTheEarlierOne() {
        var tracker = StoryTracker()
        let cooldown = 6 * hour
        let first = tracker.observe(report("antara", "a1", "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS."), watch: "troops", cooldown: cooldown, now: 0)
        let second = tracker.observe(report("reuters", "r1", "North Korea has sent 1,500 troops to Russia, South Korean intelligence said."), watch: "troops", cooldown: cooldown, now: hour)
        let third = tracker.observe(report("kompas", "k1", "Korea Utara mengirim 10.000 tentara ke Rusia, kata Zelensky."), watch: "troops", cooldown: cooldown, now: 2 * hour)
        if case .alert = first.outcomes.first {} else { Issue.record("first: \(first.outcomes)") }
        if case .corroboration = second.outcomes.first {} else { Issue.record("second: \(second.outcomes)") }
        guard case .escalation(_, let what, let previous, let current) = third.outcomes.first else {
            Issue.record("third: \(third.outcomes)")
            return
        }
        #expect(what == "deployment North Korea → Russia: 10000 troops after 1500")
        #expect(previous.itemID == "a1")
        #expect(current.itemID == "k1")
    }

    @Test func aNewKindOfAssetIsAnEscalation() {
        var tracker = StoryTracker()
        _ = tracker.observe(report("antara", "a1", "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS."), watch: "troops", cooldown: 6 * hour, now: 0)
        let ships = tracker.observe(report("antara", "a2", "Korea Utara mengirim tujuh kapal perang ke Rusia, kata NIS."), watch: "troops", cooldown: 6 * hour, now: hour)
        guard case .escalation(_, let what, _, _) = ships.outcomes.first else {
            Issue.record("expected an escalation: \(ships.outcomes)")
            return
        }
        #expect(what == "deployment North Korea → Russia: now warships as well as troops")
    }

    @Test func afterTheCooldownAStoryAlertsAgainAndOldStoriesExpire() {
        var tracker = StoryTracker(window: 24 * hour)
        let a = report("antara", "a1", "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS.")
        _ = tracker.observe(a, watch: "troops", cooldown: 2 * hour, now: 0)
        let later = tracker.observe(report("tempo", "t1", "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS."), watch: "troops", cooldown: 2 * hour, now: 3 * hour)
        if case .alert = later.outcomes.first {} else { Issue.record("expected a new alert after the cooldown: \(later.outcomes)") }
        let muchLater = tracker.observe(report("kompas", "k1", "Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS."), watch: "troops", cooldown: 2 * hour, now: 40 * hour)
        if case .alert = muchLater.outcomes.first {} else { Issue.record("expected a new story after the window") }
        #expect(tracker.stories.count == 1)
    }

    @Test func memoryIsBoundedByMaxStories() {
        var tracker = StoryTracker(maxStories: 3)
        for i in 0..<10 {
            _ = tracker.observe(report("f", "i\(i)", "Laporan nomor \(i) tentang topik berbeda \(String(repeating: "kata\(i) ", count: 5))."),
                                watch: "w", cooldown: hour, now: Double(i))
        }
        #expect(tracker.stories.count == 3)
    }

    @Test func aDroppedStoryIsForgottenAndAKeptOneStillJoins() {
        func text(_ i: Int) -> String { "Laporan nomor \(i) tentang topik berbeda \(String(repeating: "kata\(i) ", count: 5))." }
        var tracker = StoryTracker(maxStories: 3)
        var keys: [Int: String] = [:]
        for i in 0..<10 {
            if case .alert(let key) = tracker.observe(report("f", "i\(i)", text(i)), watch: "w", cooldown: hour, now: Double(i)).outcomes.first { keys[i] = key }
        }
        // The newest three are kept: a rewrite of one of them joins it…
        let kept = tracker.observe(report("g", "j9", text(9)), watch: "w", cooldown: hour, now: 10)
        #expect(kept.story.key == keys[9])
        #expect(kept.outcomes.count == 1 && kept.outcomes.first.map { if case .corroboration = $0 { true } else { false } } == true)
        // …while the oldest was dropped (its index slot reused): its rewrite opens a new story.
        let dropped = tracker.observe(report("g", "j0", text(0)), watch: "w", cooldown: hour, now: 11)
        #expect(dropped.story.key != keys[0])
        #expect(dropped.outcomes == [.alert(story: dropped.story.key)])
        #expect(tracker.stories.count == 3)
        #expect(tracker.stories[keys[9]!] != nil)
    }
}

@Suite struct StoryJSONTests {
    @Test func handWrittenJSONDecodesToTheSameStory() throws {
        var tracker = StoryTracker()
        let x = StoryTrackerTests.extractor.extract("Korea Utara mengirim 1.500 tentara ke Rusia, kata NIS \"Badan\"\tIntelijen.")
        let report = StoryTracker.Report(itemID: "a\"1", feed: "antara", title: "Judul \"kutip\" \\ baris\nbaru", link: "https://x.test/a", extraction: x)
        let story = tracker.observe(report, watch: "troops", cooldown: 60, now: 1_729_756_800.5).story
        let decoded = try JSONDecoder().decode(StoryTracker.Story.self, from: Data(story.json().utf8))
        #expect(decoded == story)
        #expect(StoryTracker.Story(json: Data(story.json().utf8)) == story)
    }
}
