import PantauTestSupport
import Testing
@testable import PantauExtractor

/// The index that scans while short and hashes once long answers as a dictionary where the
/// first value for a key wins, on both sides of its limit.
@Suite struct GrowingIndexTests {
    @Test(arguments: [3, GrowingIndex<Int>.listLimit, GrowingIndex<Int>.listLimit + 1, 200])
    func keepsTheFirstValueForEachKeyBelowAndAboveItsLimit(distinctKeys: Int) {
        var random = SeededRandom(state: UInt64(distinctKeys))
        var index = GrowingIndex<Int>()
        var model: [Int: Int] = [:]
        for value in 0..<(distinctKeys * 3) {
            let key = Int.random(in: 0..<distinctKeys, using: &random)
            #expect(index.insert(key, value) == (model[key] == nil))
            if model[key] == nil { model[key] = value }
        }
        for key in -1...distinctKeys { #expect(index.value(for: key) == model[key]) }
    }

    @Test func laterMentionsOfDozensOfPeopleFindTheirPerson() {
        // Forty people introduced by role, then a few named again by surname alone: more than
        // the short lists hold, so the hashed side links the mentions.
        let surnames = (0..<40).map { "Wira\(String(UnicodeScalar(UInt8(97 + $0 % 26))))\(String(UnicodeScalar(UInt8(97 + $0 / 26))))" }
        let text = surnames.map { "Menteri Pertahanan Budi \($0) tiba di Jakarta." }.joined(separator: " ")
            + " Kemudian \(surnames[3]) berbicara. Lalu \(surnames[37]) menjawab."
        let people = sharedExtractor.extract(text, language: .indonesian).entities.filter { $0.type == .person }
        #expect(people.count == 40)
        #expect(people.first { $0.name == "Budi \(surnames[3])" }?.mentions.count == 2)
        #expect(people.first { $0.name == "Budi \(surnames[37])" }?.mentions.count == 2)
        #expect(people.first { $0.name == "Budi \(surnames[20])" }?.mentions.count == 1)
    }
}
