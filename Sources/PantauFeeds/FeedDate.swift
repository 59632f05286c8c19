import struct Foundation.Date

/// Parses the dates feeds carry: RFC 822/1123 (RSS; with or without weekday or seconds,
/// two-digit years, named zones including the Indonesian WIB, WITA and WIT, numeric offsets)
/// and RFC 3339/ISO 8601 (Atom, JSON Feed; with or without seconds or zone), with Indonesian
/// and English month and day names (`Rabu, 23 Okt 2024 10:00 WIB`). Pure; unparseable input
/// returns `nil` and the caller keeps the raw text.
public enum FeedDate {
    /// Parses `text` as RFC 822 or RFC 3339, whichever fits.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingWhitespace()
        let utf8 = trimmed.utf8
        if utf8.count >= 10, let first = utf8.first, first >= 0x30 && first <= 0x39,
           utf8[utf8.index(utf8.startIndex, offsetBy: 4)] == UInt8(ascii: "-") {
            return rfc3339(trimmed)
        }
        return rfc822(trimmed)
    }

    static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "mei": 5, "jun": 6, "jul": 7,
        "aug": 8, "agu": 8, "agt": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "des": 12,
    ]

    static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5,
        "mst": -7, "mdt": -6, "pst": -8, "pdt": -7, "wib": 7, "wita": 8, "wit": 9,
        "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3, "ist": 5, "sgt": 8, "hkt": 8, "jst": 9, "kst": 9,
        "aest": 10, "aedt": 11,
    ]

    /// A name of up to four bytes, lowercased (ASCII letters only) and packed with its length
    /// into an integer: month and zone names are looked up without making a `String`.
    @inline(__always)
    static func nameKey(_ bytes: some Collection<UInt8>) -> UInt64? {
        guard bytes.count <= 4 else { return nil }
        var key = UInt64(bytes.count) << 32
        for (k, b) in bytes.enumerated() { key |= UInt64(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) << (8 * UInt64(k)) }
        return key
    }

    static let monthKeys: [UInt64: Int] = Dictionary(uniqueKeysWithValues: months.map { (nameKey(Array($0.key.utf8))!, $0.value) })
    static let zoneKeys: [UInt64: Int] = Dictionary(uniqueKeysWithValues: zones.map { (nameKey(Array($0.key.utf8))!, $0.value) })

    /// `Wed, 23 Oct 2024 10:00:00 +0700` and variants (no weekday, no seconds, 2-digit year,
    /// named zones).
    static func rfc822(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            // Fields between spaces, commas and tabs (only the first six matter), held in
            // place: a feed has a date per item.
            var fields = InlineArray<6, Range<Int>>(repeating: 0..<0)
            var count = 0
            var i = 0
            while i < bytes.count, count < 6 {
                while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x2C || bytes[i] == 0x09 { i += 1 }
                let start = i
                while i < bytes.count, bytes[i] != 0x20, bytes[i] != 0x2C, bytes[i] != 0x09 { i += 1 }
                if i > start {
                    fields[count] = start..<i
                    count += 1
                }
            }
            func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A || b >= 0x80 }
            func number(_ r: Range<Int>) -> Int? {
                guard !r.isEmpty, r.count <= 9 else { return nil }
                var value = 0
                for k in r {
                    guard bytes[k] >= 0x30 && bytes[k] <= 0x39 else { return nil }
                    value = value * 10 + Int(bytes[k] - 0x30)
                }
                return value
            }
            let f = count > 0 && isLetter(bytes[fields[0].lowerBound]) ? 1 : 0  // the weekday
            guard count - f >= 4, let day = number(fields[f]),
                  let monthKey = nameKey(bytes[fields[f + 1].prefix(3)]), let month = monthKeys[monthKey], var year = number(fields[f + 2]) else { return nil }
            if year < 100 { year += year < 50 ? 2000 : 1900 }
            // HH:MM[:SS]
            var clock = InlineArray<3, Int>(repeating: 0)
            var parts = 0
            let time = fields[f + 3]
            var start = time.lowerBound
            for k in time.lowerBound...time.upperBound where k == time.upperBound || bytes[k] == UInt8(ascii: ":") {
                guard let value = number(start..<k) else { return nil }
                if parts < 3 { clock[parts] = value }
                parts += 1
                start = k + 1
            }
            guard parts >= 2 else { return nil }
            var offsetSeconds = 0
            if count - f >= 5 {
                let zone = fields[f + 4]
                let sign = bytes[zone.lowerBound]
                // ±HHMM or ±HH:MM: four digits once colons are left out.
                var digits = 0, value = 0, allDigits = true
                for k in zone.dropFirst() where bytes[k] != UInt8(ascii: ":") {
                    digits += 1
                    if bytes[k] >= 0x30 && bytes[k] <= 0x39 { value = value &* 10 &+ Int(bytes[k] - 0x30) } else { allDigits = false }
                }
                if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"), digits == 4, allDigits {
                    offsetSeconds = (value / 100 * 3600 + value % 100 * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
                } else if let key = nameKey(bytes[zone]), let hours = zoneKeys[key] {
                    offsetSeconds = hours * 3600
                }
            }
            return date(year: year, month: month, day: day, hour: clock[0], minute: clock[1],
                        second: parts > 2 ? clock[2] : 0, offset: offsetSeconds)
        }
    }

    /// `2024-10-23T10:00:00+07:00`, `2024-10-23T03:00:00Z`, fractional seconds, no seconds.
    static func rfc3339(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for b in bytes[range] {
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard bytes.count > 10 else { return date(year: year, month: month, day: day, hour: 0, minute: 0, second: 0, offset: 0) }
        guard let hour = number(11..<13), let minute = number(14..<16) else { return nil }
        var i = 16
        var second = 0
        if i < bytes.count, bytes[i] == UInt8(ascii: ":"), let s = number(17..<19) {
            second = s
            i = 19
            while i < bytes.count, bytes[i] == UInt8(ascii: ".") || (bytes[i] >= 48 && bytes[i] <= 57) { i += 1 }
        }
        var offset = 0
        if i < bytes.count {
            let sign = bytes[i]
            if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                guard let h = number(i + 1..<i + 3) else { return nil }
                let m = number(i + 4..<i + 6) ?? number(i + 3..<i + 5) ?? 0
                offset = (h * 3600 + m * 60) * (sign == UInt8(ascii: "-") ? -1 : 1)
            }
        }
        return date(year: year, month: month, day: day, hour: hour, minute: minute, second: second, offset: offset)
    }

    /// A UTC instant from civil fields and an offset east of UTC, without Calendar.
    static func date(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, offset: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds))
    }
}
