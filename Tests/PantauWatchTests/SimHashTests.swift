import PantauExtractor
import PantauTestSupport
import Testing
@testable import PantauWatch

/// The fingerprint is the SimHash of its definition: per bit, the shingles whose hash has it
/// set outvote those that do not. Stored stories keep fingerprints across runs, so any
/// faster way of counting must give the very same bits.
@Suite struct SimHashTests {
    /// The definition, counted one bit at a time.
    static func reference(_ keys: [UInt64]) -> UInt64 {
        guard keys.count >= 3 else { return keys.reduce(0) { $0 ^ SimHash.mix($1) } }
        var counts = [Int](repeating: 0, count: 64)
        for i in 0..<(keys.count - 2) {
            let h = SimHash.mix(keys[i] &* 31 &+ keys[i + 1] &* 17 &+ keys[i + 2])
            for bit in 0..<64 { counts[bit] += (h >> UInt64(bit)) & 1 == 1 ? 1 : -1 }
        }
        return (0..<64).reduce(0) { counts[$1] > 0 ? $0 | 1 << UInt64($1) : $0 }
    }

    @Test func fingerprintsAreTheDefinitionsOnRandomTexts() {
        var random = SeededRandom(state: 7)
        let vocabulary = (0..<40).map { "w\($0)" }
        for n in [0, 1, 2, 3, 4, 17, 250, 257, 258, 700] {
            for _ in 0..<20 {
                let tokens = (0..<n).map { i in Token(folded: vocabulary.randomElement(using: &random)!, range: i..<(i + 1), sentence: 0) }
                #expect(SimHash.of(tokens) == Self.reference(tokens.map(\.stemKey)), "\(n) tokens")
            }
        }
    }
}
