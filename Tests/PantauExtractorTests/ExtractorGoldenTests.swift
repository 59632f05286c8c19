import Foundation
import Testing
@testable import PantauExtractor

/// The founding article against a hand-written expectation (`seeds/*.expected.json`).
@Suite struct ExtractorGoldenTests {
    struct Golden: Codable, Equatable {
        struct EntityOut: Codable, Equatable { var name: String; var type: String; var role: String?; var affiliation: String?; var aliases: [String] }
        struct QuantityOut: Codable, Equatable { var text: String; var value: Double; var unit: String?; var approximate: Bool; var at_least: Bool }
        struct DateOut: Codable, Equatable { var text: String; var start: String?; var end: String? }
        struct QuoteOut: Codable, Equatable { var speaker: String?; var text: String }
        struct SourceOut: Codable, Equatable { var name: String; var text: String }
        struct AssetOut: Codable, Equatable { var what: String; var count: Double? }
        struct EventOut: Codable, Equatable {
            var type: String; var trigger: String; var actor: String?; var destination: String?
            var what: String?; var count: Double?; var approximate: Bool?; var assets: [AssetOut]?
            var claimed_by: String?; var hedged: Bool
        }
        var language: String
        var entities: [EntityOut]
        var quantities: [QuantityOut]
        var dates: [DateOut]
        var quotes: [QuoteOut]
        var sources: [SourceOut]
        var events: [EventOut]
    }

    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../seeds").standardized

    func project(_ x: Extraction) -> Golden {
        Golden(
            language: x.language.rawValue,
            entities: x.entities.map { .init(name: $0.name, type: $0.type.rawValue, role: $0.role, affiliation: $0.affiliation, aliases: $0.aliases) },
            quantities: x.quantities.map { .init(text: $0.text, value: $0.value, unit: $0.unit, approximate: $0.approximate, at_least: $0.atLeast) },
            dates: x.dates.map { .init(text: $0.text, start: $0.start?.description, end: $0.end?.description) },
            quotes: x.quotes.map { .init(speaker: $0.speaker, text: $0.text) },
            sources: x.attributions.map { .init(name: $0.name, text: $0.text) },
            events: x.events.map { e in
                let deployment = e.type == .deployment
                return .init(
                    type: e.type.rawValue, trigger: e.trigger, actor: e.actor, destination: e.destination,
                    what: deployment ? e.what : nil, count: deployment ? e.count : nil, approximate: deployment ? e.approximate : nil,
                    assets: deployment ? e.assets.map { .init(what: $0.what, count: $0.count) } : nil,
                    claimed_by: e.claimedBy, hedged: e.hedged
                )
            }
        )
    }

    @Test func foundingArticleMatchesTheHandWrittenExpectation() throws {
        let text = try String(contentsOf: Self.seeds.appendingPathComponent("000_fd8d562c18a1316d.txt"), encoding: .utf8)
        let expected = try JSONDecoder().decode(Golden.self, from: Data(contentsOf: Self.seeds.appendingPathComponent("000_fd8d562c18a1316d.expected.json")))
        let actual = project(Extractor().extract(text, published: CivilDate(year: 2024, month: 10, day: 24)))
        #expect(actual.language == expected.language)
        #expect(actual.entities == expected.entities)
        #expect(actual.quantities == expected.quantities)
        #expect(actual.dates == expected.dates)
        #expect(actual.quotes == expected.quotes)
        #expect(actual.sources == expected.sources)
        #expect(actual.events.count == expected.events.count)
        for (a, e) in zip(actual.events, expected.events) { #expect(a == e) }
    }
}
