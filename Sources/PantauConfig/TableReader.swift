import PantauWatch
import TOMLKit

/// Typed, located reads from TOMLKit tables: each wrong type or value becomes a
/// ``ConfigProblem`` at the key's position, and reading goes on so that every problem in
/// a file is reported at once.
struct TableReader {
    let file: String
    /// The file's text; scanned for key positions only when there is a problem to locate
    /// (a clean 10,000-feed config never pays for it).
    let source: String
    var locator: TOMLKeyLocator?
    var problems: [ConfigProblem] = []

    init(file: String, source: String) {
        self.file = file
        self.source = source
    }

    mutating func problem(_ table: String, _ key: String?, _ message: String) {
        if locator == nil { locator = TOMLKeyLocator(source: source) }
        let position = locator!.position(table: table, key: key)
        problems.append(ConfigProblem(file: file, line: position?.line, column: position?.column, message: message))
    }

    /// Reports every key of `table` not in `allowed`, with `hints[key]` after the list when
    /// there is one (a key that belongs in another file).
    mutating func checkKeys(_ table: TOMLTable, table scope: String, allowed: Set<String>, hints: [String: String] = [:]) {
        // Keys are unique, so a table holding as many allowed keys as keys is clean. Only a
        // table with an unknown key is listed: listing copies every key out of CTOML, and a
        // reload reads every table again.
        guard allowed.count(where: table.contains(key:)) != table.count else { return }
        let keys = table.ownedKeys
        for key in keys.sorted() where !allowed.contains(key) {
            let where_ = scope.isEmpty ? "at the top level" : "in [\(scope.split(separator: "#").first ?? "")]"
            let hint = hints[key].map { "; \($0)" } ?? ""
            problem(scope, key, "unknown key \"\(key)\" \(where_); expected one of \(allowed.sorted().joined(separator: ", "))\(hint)")
        }
    }

    mutating func table(_ parent: TOMLTable, _ key: String, in scope: String) -> TOMLTable? {
        guard let value = parent[key] else { return nil }
        guard let table = value.table else {
            problem(scope, key, "\(key) must be a table: write [\(key)]")
            return nil
        }
        return table
    }

    mutating func arrayOfTables(_ parent: TOMLTable, _ key: String) -> [TOMLTable] {
        guard let value = parent[key] else { return [] }
        guard let array = value.array else {
            problem("", key, "\(key) must be an array of tables: write [[\(key)]]")
            return []
        }
        var tables: [TOMLTable] = []
        for (i, element) in array.enumerated() {
            if let table = element.table {
                tables.append(table)
            } else {
                problem("", key, "\(key) entry \(i + 1) must be a table: write [[\(key)]]")
            }
        }
        return tables
    }

    mutating func string(_ table: TOMLTable, _ key: String, in scope: String, required: Bool = false, what: String = "") -> String? {
        guard let value = table[key] else {
            if required { problem(scope, nil, "\(what) is missing \(key) = \"…\"") }
            return nil
        }
        guard let string = value.stringValue else {
            problem(scope, key, "\(key) must be a string in quotes")
            return nil
        }
        if string.trimmingSpaces().isEmpty {
            problem(scope, key, "\(key) must not be empty")
            return nil
        }
        return string
    }

    mutating func integer(_ table: TOMLTable, _ key: String, in scope: String, range: ClosedRange<Int>) -> Int? {
        guard let value = table[key] else { return nil }
        guard let int = value.intValue else {
            problem(scope, key, "\(key) must be an integer")
            return nil
        }
        guard range.contains(int) else {
            problem(scope, key, "\(key) must be between \(range.lowerBound) and \(range.upperBound), not \(int)")
            return nil
        }
        return int
    }

    /// Seconds from an integer, a float, or a string such as `90s`, `15m`, `1h`, `1d`.
    mutating func duration(_ table: TOMLTable, _ key: String, in scope: String) -> Double? {
        guard let value = table[key] else { return nil }
        var seconds: Double?
        if let int = value.intValue {
            seconds = Double(int)
        } else if let double = value.doubleValue {
            seconds = double
        } else if let text = value.stringValue {
            seconds = Self.parseDuration(text)
        }
        guard let seconds, seconds > 0 else {
            problem(scope, key, "\(key) must be a positive duration: seconds, or a string like \"90s\", \"15m\", \"1h\"")
            return nil
        }
        return seconds
    }

    static func parseDuration(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        guard let unit = trimmed.last else { return nil }
        let multipliers: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        if let multiplier = multipliers[unit], let number = Double(trimmed.dropLast()) { return number * multiplier }
        return Double(trimmed)
    }

    /// An array of strings (a single string is accepted as a one-element array).
    mutating func strings(_ table: TOMLTable, _ key: String, in scope: String) -> [String] {
        guard let value = table[key] else { return [] }
        if let single = value.stringValue { return [single] }
        guard let array = value.array else {
            problem(scope, key, "\(key) must be a string or an array of strings: \(key) = [\"…\"]")
            return []
        }
        var out: [String] = []
        for (i, element) in array.enumerated() {
            if let s = element.stringValue, !s.trimmingSpaces().isEmpty { out.append(s) } else { problem(scope, key, "\(key) entry \(i + 1) must be a non-empty string") }
        }
        return out
    }

    mutating func phrases(_ table: TOMLTable, _ key: String, in scope: String) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.array else {
            problem(scope, key, "\(key) must be an array of phrases: \(key) = [\"…\", \"…\"]")
            return []
        }
        var phrases: [String] = []
        for (i, element) in array.enumerated() {
            guard let phrase = element.stringValue else {
                problem(scope, key, "\(key) entry \(i + 1) must be a string")
                continue
            }
            if WatchMatcher.words(in: phrase).isEmpty {
                problem(scope, key, "\(key) entry \(i + 1) (\"\(phrase)\") has no words to match")
                continue
            }
            phrases.append(phrase)
        }
        return phrases
    }
}
