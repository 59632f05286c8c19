/// Finds counted amounts: digits with the language's separators (`1.500`, `1,5 juta`,
/// `1,500`), scale words (`10 ribu`, `ten thousand`), number words (`tujuh kapal`),
/// approximate plurals (`ribuan`, `several thousand`), and what they count.
///
/// Years, days of dates (`17 Oktober`, `23/10`) and clock times are not counts.
struct QuantityRecognizer: Sendable {
    let assets: CueTable

    func recognize(_ doc: Document) -> [Quantity] {
        let tokens = doc.tokens
        var out: [Quantity] = []
        let thousands: UInt8 = doc.language == .english ? 0x2C : 0x2E
        let decimal: UInt8 = doc.language == .english ? 0x2E : 0x2C
        var i = 0
        let numeric: WordClass = [.digits, .numberWord, .plural, .several]
        while i < tokens.count {
            if tokens[i].classes.isDisjoint(with: numeric) {
                i += 1
                continue
            }
            guard case (let value, let end, var approximate, var atLeast, let fromDigits)? = number(at: i, doc, thousands: thousands, decimal: decimal) else {
                i += 1
                continue
            }
            let sentence = tokens[i].sentence
            // A date, a time or a year is not a count.
            if fromDigits {
                let before = i > 0 ? doc.gap(after: i - 1) : []
                let after = doc.gap(after: end - 1)
                if after.first == 0x2F || after.first == 0x3A || before.last == 0x2F || before.last == 0x3A || before.last == 0x2D && before.count == 1 {
                    i = end
                    continue
                }
                if end < tokens.count, tokens[end].classes.contains(.month) { i = end; continue }
                // "pukul 10.00": Indonesian clock times use a period before two digits.
                if doc.language != .english, i + 1 < tokens.count, doc.gap(after: i).elementsEqual([0x2E]),
                   doc.isDigits(i + 1), tokens[i + 1].range.count == 2, tokens[i].range.count <= 2 {
                    i = end
                    continue
                }
                if i > 0, tokens[i - 1].classes.contains(.clock) { i = end; continue }
                if end == i + 1, tokens[i].range.count == 4, value >= 1900, value <= 2100, assets.match(at: end, in: doc) == nil {
                    i = end
                    continue
                }
            }
            // Approximators just before.
            var start = i
            for back in 1...2 where i - back >= 0 && tokens[i - back].sentence == sentence {
                let word = tokens[i - back].folded
                if tokens[i - back].classes.contains(.approximator) {
                    approximate = true
                    if NumberWords.lowerBound.contains(word) { atLeast = true }
                    start = i - back
                } else if back == 1 && !["dari", "than", "to", "at"].contains(word) {
                    break
                }
            }
            // What is counted.
            var unit: String?
            var unitEnd = end
            // "thousands of Russian troops": skip "of" and a capitalised adjective.
            var u = end
            if u < tokens.count, tokens[u].folded == "of" {
                u += 1
                while u < min(end + 3, tokens.count), doc.isCapitalized(u), tokens[u].sentence == sentence { u += 1 }
            }
            if u != end, u < tokens.count, tokens[u].sentence == sentence, let (length, asset) = assets.match(at: u, in: doc) {
                unit = asset
                unitEnd = u + length
            } else if end < tokens.count, tokens[end].sentence == sentence {
                if let (length, asset) = assets.match(at: end, in: doc) {
                    unit = asset
                    unitEnd = end + length
                } else if let (at, length, asset) = assetAfterModifiers(end, sentence, doc) {
                    unit = asset                               // "5,000 additional troops", "300 Indonesian soldiers"
                    unitEnd = at + length
                } else if tokens[end].classes.contains(.unitWord), let known = Self.units[tokens[end].folded] {
                    unit = known
                    unitEnd = end + 1
                } else if doc.gap(after: end - 1).contains(0x25) {
                    unit = "percent"
                } else if fromDigits, !doc.isCapitalized(end), !doc.isDigits(end), Self.hasThreeCharacters(tokens[end].folded),
                          tokens[end].classes.isDisjoint(with: [.indonesianFunction, .englishFunction]) {
                    unit = tokens[end].folded
                    unitEnd = end + 1
                }
            }
            if i > 0, unit == nil {
                let before = tokens[i - 1].folded
                if before == "rp" { unit = "IDR"; start = i - 1 }
                else if doc.gap(after: i - 1).last == 0x24 { unit = "USD" }
            }
            if !fromDigits && unit == nil { i = end; continue }
            out.append(Quantity(
                value: value, unit: unit, approximate: approximate, atLeast: atLeast,
                text: doc.surface(tokens: start, unitEnd - 1),
                span: tokens[start].range.lowerBound..<tokens[unitEnd - 1].range.upperBound, sentence: sentence
            ))
            i = unitEnd
        }
        return out
    }

    /// An asset after up to two modifiers or capitalised words (a demonym) following a number.
    func assetAfterModifiers(_ end: Int, _ sentence: Int, _ doc: Document) -> (Int, Int, String)? {
        var u = end
        while u < min(end + 2, doc.tokens.count), doc.tokens[u].sentence == sentence,
              Self.modifiers.contains(doc.tokens[u].folded) || (doc.isCapitalized(u) && !doc.isDigits(u)) {
            u += 1
        }
        guard u > end, u < doc.tokens.count, doc.tokens[u].sentence == sentence, let (length, asset) = assets.match(at: u, in: doc) else { return nil }
        return (u, length, asset)
    }

    /// Words between a number and what it counts (`5,000 additional troops`).
    /// Whether `word` has at least three characters, counting no further than three (a
    /// byte count below three settles it first).
    static func hasThreeCharacters(_ word: String) -> Bool { word.utf8.count >= 3 && word.prefix(3).count == 3 }

    static let modifiers: Set<String> = ["additional", "more", "extra", "new", "fresh", "elite", "combat", "armed", "regular", "military", "naval", "foreign"]

    static let units: [String: String] = [
        "persen": "percent", "percent": "percent", "orang": "people", "people": "people", "warga": "people",
        "jiwa": "people", "km": "km", "kilometer": "km", "kilometers": "km", "mil": "miles", "miles": "miles",
        "ton": "tonnes", "tons": "tonnes", "tonnes": "tonnes", "unit": "units", "units": "units",
    ]

    /// The number starting at token `i`: value, end token (exclusive), approximate, lower bound,
    /// and whether it was written in digits.
    func number(at i: Int, _ doc: Document, thousands: UInt8, decimal: UInt8) -> (Double, Int, Bool, Bool, Bool)? {
        let tokens = doc.tokens
        let word = tokens[i].folded
        let classes = tokens[i].classes
        if classes.isDisjoint(with: [.digits, .numberWord, .plural, .several]) { return nil }
        let isDigits = classes.contains(.digits)
        var value: Double
        var j = i + 1
        var approximate = false, atLeast = false, fromDigits = false
        func sameSentence(_ k: Int) -> Bool { k < tokens.count && tokens[k].sentence == tokens[i].sentence }

        if isDigits {
            // Reject the inside of a longer number ("500" of "1.500" is reached only through "1").
            if i > 0, doc.isDigits(i - 1), doc.gap(after: i - 1).count == 1, [0x2E, 0x2C].contains(doc.gap(after: i - 1).first!) { return nil }
            fromDigits = true
            // Digits are read from the bytes: no strings are built for the number.
            func digitValue(_ k: Int) -> Double {
                doc.bytes[tokens[k].range].reduce(0) { $0 * 10 + Double($1 - 0x30) }
            }
            var whole = digitValue(i)
            var fraction: (digits: Double, scale: Double)?
            while sameSentence(j), doc.isDigits(j) {
                let gap = doc.gap(after: j - 1)
                guard gap.count == 1, fraction == nil else { break }
                let width = tokens[j].range.count
                if gap.first == thousands && width == 3 {
                    whole = whole * 1000 + digitValue(j)
                } else if gap.first == decimal || gap.first == thousands {
                    // A decimal part ("1,5 juta"; "1.5" in Indonesian text is a decimal after all).
                    var scale = 1.0
                    for _ in 0..<width { scale *= 10 }
                    fraction = (digitValue(j), scale)
                } else {
                    break
                }
                j += 1
            }
            // One rounding: (206 × 10 + 8) / 10 is exactly the double nearest 206.8.
            value = fraction.map { (whole * $0.scale + $0.digits) / $0.scale } ?? whole
        } else if let v = NumberWords.units[word] {
            value = v
            // "dua puluh lima", "twenty five"
            if sameSentence(j), let s = NumberWords.scales[tokens[j].folded], s < 1000 {
                value *= s
                j += 1
                if sameSentence(j), let u = NumberWords.units[tokens[j].folded], u < 10 { value += u; j += 1 }
            } else if v >= 20, v < 100, sameSentence(j), let u = NumberWords.units[tokens[j].folded], u < 10 {
                value += u
                j += 1
            }
        } else if let v = NumberWords.plurals[word] {
            if sameSentence(j + 1), let w = NumberWords.plurals["\(word) \(tokens[j].folded)"] {
                return (w, j + 1, true, true, false)
            }
            if sameSentence(j + 1), tokens[j].folded == "of", let w = NumberWords.plurals["\(word) of \(tokens[j + 1].folded)"] {
                return (w, j + 2, true, true, false)
            }
            return (v, j, true, true, false)
        } else if NumberWords.several.contains(word), sameSentence(j), let s = NumberWords.scales[tokens[j].folded], s >= 100 {
            return (2 * s, j + 1, true, true, false)
        } else {
            return nil
        }
        // Scale words: "10 ribu", "1,5 juta", "ten thousand".
        while sameSentence(j), let s = NumberWords.scales[tokens[j].folded], s >= 100 || !fromDigits {
            value *= s
            j += 1
        }
        // Hundreds of digits or a long run of scale words overflow a double: that is no count
        // anyone reports, and `inf` or `nan` have no place in JSON.
        guard value.isFinite else { return nil }
        return (value, j, approximate, atLeast, fromDigits)
    }
}
