/// Finds dates and resolves them against the item's publication date: `Rabu (23/10)`,
/// `17 Oktober 2024`, `Oct. 17`, `October 17, 2024`, `awal Oktober` (a range), `on Tuesday`,
/// `kemarin`/`yesterday`.
///
/// A day and month without a year take the publication year, or the year before when that
/// would put them more than a month after publication (news reports the past). A bare
/// weekday is the latest such day on or before publication.
struct DateRecognizer: Sendable {
    /// Month names and abbreviations (folded), Indonesian and English.
    static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names: [[String]] = [
            ["januari", "january", "jan"], ["februari", "pebruari", "february", "feb"], ["maret", "march", "mar"],
            ["april", "apr"], ["mei", "may"], ["juni", "june", "jun"], ["juli", "july", "jul"],
            ["agustus", "august", "agu", "agt", "aug"], ["september", "sept", "sep"], ["oktober", "october", "okt", "oct"],
            ["november", "nopember", "nov"], ["desember", "december", "des", "dec"],
        ]
        for (i, list) in names.enumerated() { for name in list { table[name] = i + 1 } }
        return table
    }()

    /// Weekday names (folded), 0 = Sunday.
    static let weekdays: [String: Int] = [
        "minggu": 0, "ahad": 0, "senin": 1, "selasa": 2, "rabu": 3, "kamis": 4, "jumat": 5, "sabtu": 6,
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    ]

    /// Words before a bare weekday that make it a date (`pada Selasa`, `on Tuesday`).
    static let weekdayCues: Set<String> = ["pada", "on", "hari", "last", "sejak", "since", "this", "until", "hingga", "sampai"]

    /// Part-of-month words: first, middle, last third.
    static let parts: [String: ClosedRange<Int>] = [
        "awal": 1...10, "early": 1...10, "pertengahan": 11...20, "mid": 11...20, "medio": 11...20,
        "akhir": 21...31, "late": 21...31, "end": 21...31,
    ]

    func recognize(_ doc: Document, published: CivilDate?) -> [DateMention] {
        let tokens = doc.tokens
        var out: [DateMention] = []
        var i = 0
        func same(_ a: Int, _ b: Int) -> Bool { b < tokens.count && tokens[a].sentence == tokens[b].sentence }
        func year(_ k: Int) -> Int? {
            guard same(i, k), doc.isDigits(k), tokens[k].range.count == 4, let y = Int(tokens[k].folded), (1900...2100).contains(y) else { return nil }
            return y
        }
        func day(_ k: Int) -> Int? {
            guard same(i, k), doc.isDigits(k), tokens[k].range.count <= 2, let d = Int(tokens[k].folded), (1...31).contains(d) else { return nil }
            return d
        }
        func emit(_ from: Int, _ to: Int, _ start: CivilDate?, _ end: CivilDate?) {
            out.append(DateMention(text: doc.surface(tokens: from, to), start: start, end: end ?? start,
                                   span: tokens[from].range.lowerBound..<tokens[to].range.upperBound, sentence: tokens[from].sentence))
            i = to + 1
        }
        let interesting: WordClass = [.month, .weekday, .dayWord, .digits]
        while i < tokens.count {
            if tokens[i].classes.isDisjoint(with: interesting) {
                i += 1
                continue
            }
            let word = tokens[i].folded
            // "Rabu (23/10)", "(23/10/2024)"
            if let d = day(i), same(i, i + 1), doc.gap(after: i).elementsEqual([0x2F]), let m = Int(tokens[i + 1].folded), (1...12).contains(m),
               i > 0, doc.gap(after: i - 1).last == 0x28 || doc.gap(after: i - 1).last == 0x20 {
                var last = i + 1
                var y: Int?
                if doc.gap(after: i + 1).elementsEqual([0x2F]), let yy = year(i + 2) { y = yy; last = i + 2 }
                var first = i
                if i > 0, tokens[i - 1].classes.contains(.weekday), doc.gap(after: i - 1).contains(0x28) { first = i - 1 }
                let date = resolve(day: d, month: m, year: y, published: published)
                let close = tokens[last].range.upperBound
                let end = close < doc.bytes.count && doc.bytes[close] == 0x29 ? close + 1 : close
                out.append(DateMention(text: doc.surface(tokens[first].range.lowerBound..<end), start: date, end: date,
                                       span: tokens[first].range.lowerBound..<end, sentence: tokens[first].sentence))
                i = last + 1
                continue
            }
            // "17 Oktober 2024", "17 Okt"
            if let d = day(i), same(i, i + 1), tokens[i + 1].classes.contains(.month), let m = Self.months[tokens[i + 1].folded] {
                if let y = year(i + 2) { emit(i, i + 2, CivilDate(year: y, month: m, day: d), nil) }
                else { emit(i, i + 1, resolve(day: d, month: m, year: nil, published: published), nil) }
                continue
            }
            if tokens[i].classes.contains(.month), let m = Self.months[word], doc.isCapitalized(i) {
                // "October 17, 2024", "Oct. 17"
                if let d = day(i + 1) {
                    if let y = year(i + 2) { emit(i, i + 2, CivilDate(year: y, month: m, day: d), nil) }
                    else { emit(i, i + 1, resolve(day: d, month: m, year: nil, published: published), nil) }
                    continue
                }
                // "awal Oktober", "mid-October", "Oktober 2024"
                var first = i
                var days = 1...31
                if i > 0, same(i - 1, i), let part = Self.parts[tokens[i - 1].folded] { first = i - 1; days = part }
                let y = year(i + 1)
                if first != i || y != nil {
                    let yy = y ?? resolveYear(month: m, day: days.lowerBound, published: published)
                    if let yy {
                        let last = min(days.upperBound, CivilDate.daysIn(month: m, year: yy))
                        emit(first, y != nil ? i + 1 : i, CivilDate(year: yy, month: m, day: days.lowerBound), CivilDate(year: yy, month: m, day: last))
                    } else {
                        emit(first, i, nil, nil)
                    }
                    continue
                }
            }
            // "pada Selasa", "on Tuesday"
            if tokens[i].classes.contains(.weekday), let w = Self.weekdays[word], i > 0, same(i - 1, i), Self.weekdayCues.contains(tokens[i - 1].folded), doc.isCapitalized(i),
               !(day(i + 1) != nil && doc.gap(after: i).contains(0x28)) {
                let date = published.map { p in p.adding(days: -((p.weekday - w + 7) % 7)) }
                emit(i, i, date, nil)
                continue
            }
            // "kemarin", "yesterday", "hari ini", "today"
            if word == "kemarin" || word == "yesterday" {
                emit(i, i, published?.adding(days: -1), nil)
                continue
            }
            if word == "today" || (word == "hari" && same(i, i + 1) && tokens[i + 1].folded == "ini") {
                emit(i, word == "today" ? i : i + 1, published, nil)
                continue
            }
            i += 1
        }
        return out
    }

    func resolveYear(month: Int, day: Int, published: CivilDate?) -> Int? {
        guard let published else { return nil }
        guard let candidate = CivilDate(year: published.year, month: month, day: min(day, CivilDate.daysIn(month: month, year: published.year))) else { return nil }
        return candidate.daysSinceEpoch > published.daysSinceEpoch + 31 ? published.year - 1 : published.year
    }

    func resolve(day: Int, month: Int, year: Int?, published: CivilDate?) -> CivilDate? {
        if let year { return CivilDate(year: year, month: month, day: day) }
        guard let y = resolveYear(month: month, day: day, published: published) else { return nil }
        return CivilDate(year: y, month: month, day: day)
    }
}
