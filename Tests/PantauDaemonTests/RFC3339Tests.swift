import Foundation
import PantauTestSupport
import Testing
@testable import PantauDaemon

@Suite struct RFC3339Tests {
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00Z"),
        (-0.5, "1969-12-31T23:59:59Z"),
        (-86_400.0, "1969-12-31T00:00:00Z"),
        (951_782_399.999, "2000-02-28T23:59:59Z"),
        (951_868_800.0, "2000-03-01T00:00:00Z"),
        (1_729_652_400.0, "2024-10-23T03:00:00Z"),
        (253_402_300_799.0, "9999-12-31T23:59:59Z"),
    ])
    func formatsUTCWithSecondsCutOff(seconds: Double, expected: String) {
        #expect(RFC3339.string(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func agreesWithFoundationsISO8601Style() {
        var random = SeededRandom(state: 3339)
        for _ in 0..<2_000 {
            // 1900 … 2200, with fractions.
            let seconds = Double.random(in: -2_208_988_800...7_258_118_400, using: &random)
            let date = Date(timeIntervalSince1970: seconds)
            #expect(RFC3339.string(date) == date.formatted(Date.ISO8601FormatStyle()), "\(seconds)")
        }
    }
}
