import Foundation
import PantauExtractor

/// RFC 3339 timestamps in UTC with second precision (`2024-10-23T03:00:00Z`), fractions cut
/// off. Written digit by digit from the civil date: `ISO8601FormatStyle` cost a few
/// microseconds per call, twice per alert.
public enum RFC3339 {
    /// Formats `date`.
    public static func string(_ date: Date) -> String {
        let civil = CivilDate(utc: date)
        let time = Int(date.timeIntervalSince1970.rounded(.down)) - civil.daysSinceEpoch * 86_400
        guard (0...9999).contains(civil.year) else { return date.formatted(Date.ISO8601FormatStyle()) }
        return String(unsafeUninitializedCapacity: 20) { out in
            func put(_ value: Int, _ width: Int, at offset: Int) {
                var v = value
                for i in stride(from: width - 1, through: 0, by: -1) {
                    out[offset + i] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                }
            }
            put(civil.year, 4, at: 0)
            out[4] = UInt8(ascii: "-")
            put(civil.month, 2, at: 5)
            out[7] = UInt8(ascii: "-")
            put(civil.day, 2, at: 8)
            out[10] = UInt8(ascii: "T")
            put(time / 3600, 2, at: 11)
            out[13] = UInt8(ascii: ":")
            put(time / 60 % 60, 2, at: 14)
            out[16] = UInt8(ascii: ":")
            put(time % 60, 2, at: 17)
            out[19] = UInt8(ascii: "Z")
            return 20
        }
    }
}
