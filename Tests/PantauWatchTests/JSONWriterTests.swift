import Foundation
import PantauTestSupport
import Testing
@testable import PantauWatch

/// The hand-written writer gives the bytes `JSONEncoder` gives, whatever the strings hold
/// and wherever their escapes fall; its eight-bytes-at-a-time check misses no byte.
@Suite struct JSONWriterTests {
    @Test func theWordAtATimeCheckFlagsEveryByteThatNeedsEscaping() {
        for position in 0..<8 {
            for value in 0...255 {
                let word = UInt64(0x61_61_61_61_61_61_61_61) & ~(UInt64(0xFF) << (8 * UInt64(position))) | UInt64(value) << (8 * UInt64(position))
                #expect(JSONWriter.mayNeedEscape(word) == (value < 0x20 || value == 0x22 || value == 0x5C), "byte \(value) at \(position)")
            }
        }
    }

    @Test func infinitiesAndNaNAreWrittenAsNullSoTheLineStaysJSON() throws {
        var writer = JSONWriter()
        writer.open("[")
        for value in [1.5, Double.infinity, -Double.infinity, Double.nan, 1e300] { writer.double(value) }
        writer.close("]")
        let line = writer.finish()
        #expect(line == "[1.5,null,null,null,1e+300]")
        let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
        #expect((parsed as? [Any])?.count == 5)
    }

    @Test func stringsAndNumbersComeOutAsJSONEncoderWritesThem() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        let pieces = ["a", "kata ", "\"", "\\", "\n", "\t", "\u{1}", "\u{1f}", "/", "é", "中文", "🙂", "\u{7f}", "0123456789abcdef"]
        var random = SeededRandom(state: 99)
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            let number = Int.random(in: -1_000_000_000_000...1_000_000_000_000, using: &random)
            var writer = JSONWriter(capacity: 8)
            writer.open("{")
            writer.key("n")
            writer.int(number)
            writer.key("s")
            writer.string(text)
            writer.key("z")
            writer.int(0)
            writer.close("}")
            struct Expected: Encodable { let n: Int; let s: String; let z: Int }
            let expected = String(decoding: try encoder.encode(Expected(n: number, s: text, z: 0)), as: UTF8.self)
            #expect(writer.finish() == expected, "\(text.debugDescription)")
        }
        var writer = JSONWriter()
        writer.open("[")
        writer.int(Int64.min)
        writer.int(UInt64.max)
        writer.close("]")
        #expect(writer.finish() == "[\(Int64.min),\(UInt64.max)]")
    }
}
