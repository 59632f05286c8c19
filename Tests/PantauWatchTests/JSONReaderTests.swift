import Foundation
import PantauTestSupport
import Testing
@testable import PantauWatch

@Suite struct JSONReaderTests {
    @Test func readsMembersInAnyOrderAndSkipsUnknownOnes() throws {
        var r = JSONReader(Array(#" { "b" : [1, 2.5e1, -0.5] , "x": {"y": [true, false, null, {"z": "\""}]}, "a":"v" } "#.utf8))
        var a: String?, b: [Double] = []
        try r.beginObject()
        while let key = try r.nextKey() {
            switch key {
            case "a": a = try r.string()
            case "b":
                try r.beginArray()
                while try r.nextElement() { b.append(try r.double()) }
            default: try r.skipValue()
            }
        }
        try r.end()
        #expect(a == "v")
        #expect(b == [1, 25, -0.5])
    }

    @Test(arguments: [
        (#""plain""#, "plain"),
        (#""q\"b\\s\/n\nr\rt\tb\bf\f""#, "q\"b\\s/n\nr\rt\tb\u{08}f\u{0C}"),
        (#""\u00e9\u4e2d\ud83d\ude42""#, "é中🙂"),
        (#""lone \ud83d here""#, "lone \u{FFFD} here"),
        (#""raw é 中 🙂""#, "raw é 中 🙂"),
    ])
    func decodesStringEscapes(json: String, expected: String) throws {
        var r = JSONReader(Array(json.utf8))
        #expect(try r.string() == expected)
        try r.end()
    }

    @Test func readsUnsignedIntegersExactly() throws {
        var r = JSONReader(Array("[18446744073709551615, 0, 9007199254740993]".utf8))
        var values: [UInt64] = []
        try r.beginArray()
        while try r.nextElement() { values.append(try r.uint64()) }
        #expect(values == [UInt64.max, 0, 9_007_199_254_740_993])
        var over = JSONReader(Array("18446744073709551616".utf8))
        #expect(throws: JSONReader.Failure.self) { try over.uint64() }
        var negative = JSONReader(Array("-1".utf8))
        #expect(throws: JSONReader.Failure.self) { try negative.uint64() }
    }

    @Test(arguments: ["{\"a\":1,}", "{\"a\" 1}", "[1 2]", "\"tab\there\"", "\"bad \\x\"", "01", "1.", "-", "{\"a\":1} x", "[", "\"open"])
    func refusesWhatIsNotJSON(json: String) {
        var r = JSONReader(Array(json.utf8))
        #expect(throws: JSONReader.Failure.self) {
            try r.skipValue()
            try r.end()
        }
    }

    /// Stories with awkward text survive the hand-written JSON and `JSONEncoder`'s form
    /// (other member order, `\/` escapes), read back by the reader.
    @Test func storiesReadBackFromBothWritersUnchanged() throws {
        let awkward = ["", "plain", "quote \" and \\", "slash / </p>", "line\nbreak\ttab", "\u{1}\u{1f}\u{7f}", "é 中文 🙂 \u{2028}"]
        var rng = SeededRandom(state: 7)
        func text() -> String { awkward.randomElement(using: &rng)! + String(Int.random(in: 0...9, using: &rng)) }
        func list() -> [String] { (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() } }
        func citation() -> StoryTracker.Citation {
            StoryTracker.Citation(itemID: text(), feed: text(), title: text(), link: Bool.random(using: &rng) ? text() : nil)
        }
        for _ in 0..<300 {
            var counts: [String: Double] = [:], citations: [String: StoryTracker.Citation] = [:], assets: [String: [String]] = [:]
            for _ in 0..<Int.random(in: 0...2, using: &rng) {
                let k = text()
                counts[k] = [0, 1500, 0.1, 1e20, 2.5e-7].randomElement(using: &rng)!
                citations[k] = citation()
                assets[k] = list()
            }
            let story = StoryTracker.Story(
                key: text(), watch: text(), simhashes: (0..<Int.random(in: 0...3, using: &rng)).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) },
                entities: list(), frameKeys: list(), sources: list(),
                firstSeen: Double.random(in: 1e9...2e9, using: &rng), lastSeen: 1_729_756_800.5, lastAlert: 0,
                maxCounts: counts, maxCountCitations: citations, assets: assets, firstCitations: citations,
                filed: (0..<Int.random(in: 0...3, using: &rng)).map { _ in UInt64.random(in: 0...UInt64.max, using: &rng) })
            #expect(StoryTracker.Story(json: Data(story.json().utf8)) == story)
            #expect(StoryTracker.Story(json: try JSONEncoder().encode(story)) == story)
        }
    }

    @Test func aStoryStoredBeforeFingerprintsReadsWithNone() throws {
        let story = try #require(StoryTracker.Story(json: Data("{\"key\":\"k\",\"watch\":\"w\",\"simhashes\":[7],\"sources\":[\"antara\"]}".utf8)))
        #expect(story.filed.isEmpty && story.simhashes == [7] && story.sources == ["antara"])
    }

    @Test func aStoryThatIsNotJSONOfItsShapeIsRefused() {
        #expect(StoryTracker.Story(json: Data("{\"key\":\"k\"}".utf8)) == nil)            // no watch
        #expect(StoryTracker.Story(json: Data("{\"key\":\"k\",\"watch\":\"w\",\"entities\":3}".utf8)) == nil)
        #expect(StoryTracker.Story(json: Data("not json".utf8)) == nil)
        #expect(StoryTracker.Story(json: Data("{\"key\":\"k\",\"watch\":\"w\"}".utf8))?.entities == [])
    }
}
