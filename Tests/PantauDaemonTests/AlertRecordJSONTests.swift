import Foundation
import PantauTestSupport
import Testing
@testable import PantauDaemon
@testable import PantauExtractor

/// The hand-written alert line must be the bytes `JSONEncoder` wrote before it (operators'
/// tools and the tail check after a crash compare lines).
@Suite struct AlertRecordJSONTests {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }()

    static let awkward = [
        "", "plain", "quote \" and \\ backslash", "slash / and </p>", "line\nbreak\rreturn\ttab",
        "\u{8}\u{c}\u{1}\u{1f}\u{7f}", "é ü 中文 🙂 \u{2028}", "Korea Utara mengirim 1.500 tentara ke Rusia.",
    ]
    static let numbers: [Double] = [0, 1500, 1.5, 0.1, 1e20, 1e-7, -0.0, 2.5e15, 1e16, 0.30000000000000004, 10_000]

    static func record(_ rng: inout SeededRandom) -> AlertRecord {
        func text() -> String { awkward.randomElement(using: &rng)! }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &rng) ? value() : nil }
        func list<T>(_ make: () -> T) -> [T] { (0..<Int.random(in: 0...3, using: &rng)).map { _ in make() } }
        func number() -> Double { numbers.randomElement(using: &rng)! }
        var r = AlertRecord(
            schema: Int.random(in: 1...3, using: &rng), alertID: text(), time: text(), watch: text(), severity: text(),
            feed: .init(name: text(), url: text()),
            item: .init(id: text(), title: text(), link: maybe(text()), published: maybe(text())),
            language: text(), matches: list { .init(term: text(), text: text(), sentence: text()) }, evidence: text()
        )
        r.entities = maybe(list {
            AlertRecord.EntitySummary(name: text(), type: text(), role: maybe(text()), affiliation: maybe(text()), aliases: list(text), mentions: Int.random(in: 0...9, using: &rng))
        })
        r.events = maybe(list {
            EventFrame(type: Bool.random(using: &rng) ? .deployment : .escalation, actor: maybe(text()), destination: maybe(text()), what: maybe(text()),
                       count: maybe(number()), approximate: Bool.random(using: &rng),
                       assets: list { EventFrame.Asset(what: text(), count: maybe(number()), approximate: Bool.random(using: &rng)) },
                       claimedBy: maybe(text()), hedged: Bool.random(using: &rng), trigger: text(), evidence: text(), sentence: Int.random(in: 0...40, using: &rng))
        })
        r.entitiesOmitted = maybe(Int.random(in: 1...100_000, using: &rng))
        r.eventsOmitted = maybe(Int.random(in: 1...100_000, using: &rng))
        r.severityReasons = maybe(list(text))
        r.kind = maybe(text())
        r.story = maybe(text())
        r.details = maybe(list(text))
        r.cites = maybe(list { .init(id: text(), feed: text(), title: text(), link: maybe(text())) })
        return r
    }

    @Test func writesTheBytesJSONEncoderWritesForEveryFieldAndEscape() throws {
        var rng = SeededRandom(state: 2026)
        for _ in 0..<500 {
            let record = Self.record(&rng)
            let expected = String(decoding: try Self.encoder.encode(record), as: UTF8.self)
            #expect(record.jsonLine() == expected)
        }
    }

    @Test func readsBackAsTheSameRecord() throws {
        var rng = SeededRandom(state: 11)
        for _ in 0..<100 {
            let record = Self.record(&rng)
            #expect(try JSONDecoder().decode(AlertRecord.self, from: Data(record.jsonLine().utf8)) == record)
        }
    }
}
