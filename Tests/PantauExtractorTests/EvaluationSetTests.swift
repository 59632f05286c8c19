import Foundation
import Testing
@testable import PantauExtractor

/// Precision and recall of event frames on the hand-labelled set in `Tests/evaluation/`.
@Suite struct EvaluationSetTests {
    struct Item: Decodable {
        struct Expected: Decodable { var type: String; var actor: String?; var destination: String?; var count: Double? }
        var lang: String
        var text: String
        var events: [Expected]
    }
    struct Set: Decodable { var published: String; var items: [Item] }

    struct Score: CustomStringConvertible {
        var tp = 0, fp = 0, fn = 0
        var misses: [String] = []
        var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
        var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
        var description: String { "tp \(tp) fp \(fp) fn \(fn) precision \(precision) recall \(recall)" }
    }

    static func score(file: String = "extractor-eval.json", language: String? = nil) throws -> Score {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../evaluation/\(file)")
        let set = try JSONDecoder().decode(Set.self, from: Data(contentsOf: url))
        let published = CivilDate(iso: set.published)
        var score = Score()
        for item in set.items where language == nil || item.lang == language {
            let frames = sharedExtractor.extract(item.text, published: published).events
            let predictedTypes = Swift.Set(frames.map(\.type.rawValue))
            for e in item.events {
                let ok = frames.contains { f in
                    f.type.rawValue == e.type && f.actor == e.actor
                        && (e.destination == nil || f.destination == e.destination)
                        && (e.count == nil || f.count == e.count)
                }
                if ok { score.tp += 1 } else {
                    score.fn += 1
                    if predictedTypes.contains(e.type) { score.fp += 1 }
                    score.misses.append("missed \(e.type) in: \(item.text) → \(frames.map { "\($0.type) \($0.actor ?? "-")→\($0.destination ?? "-") \($0.count.map { "\($0)" } ?? "-")" })")
                }
            }
            for type in predictedTypes where !item.events.contains(where: { $0.type == type }) {
                score.fp += 1
                score.misses.append("false \(type) in: \(item.text)")
            }
        }
        return score
    }

    @Test(arguments: ["id", "en"])
    func precisionAndRecallStayAtLeastNinetyPercent(language: String) throws {
        let score = try Self.score(language: language)
        print("evaluation \(language): \(score)")
        for miss in score.misses { print("  \(miss)") }
        #expect(score.precision >= 0.9)
        #expect(score.recall >= 0.9)
    }

    /// The later sets (see their `_comment`) guard against regressions once their first-run
    /// figures are recorded in docs/extract.md.
    @Test(arguments: ["extractor-heldout.json", "extractor-fresh.json"])
    func laterSetsStayAtLeastNinetyPercent(file: String) throws {
        for language in ["id", "en"] {
            let score = try Self.score(file: file, language: language)
            print("\(file) \(language): \(score)")
            for miss in score.misses { print("  \(miss)") }
            #expect(score.precision >= 0.9, "\(file) \(language)")
            #expect(score.recall >= 0.9, "\(file) \(language)")
        }
    }
}
