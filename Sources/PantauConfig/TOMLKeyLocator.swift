import Foundation

/// Finds where keys and tables stand in TOML source, for error messages.
///
/// TOMLKit reports positions for syntax errors but not for values, so validation errors
/// ("severity must be one of …") are located by this scanner: it follows table headers
/// (`[daemon]`, the n-th `[[feed]]`) and `key =` lines, skipping strings, comments and
/// multi-line arrays.
struct TOMLKeyLocator {
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// Table path plus array-of-tables index (`feed`, 2) → position of the header.
    private(set) var tables: [String: Position] = [:]
    /// `table#index.key` → position of the key.
    private(set) var keys: [String: Position] = [:]

    init(source: String) {
        var table = ""
        var arrayCounts: [String: Int] = [:]
        var depth = 0
        var inMultiline: String? = nil
        for (lineIndex, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Array(rawLine.unicodeScalars)
            let lineNumber = lineIndex + 1
            var i = 0
            if let delimiter = inMultiline {
                // Inside a multi-line string: look for its end.
                let text = String(rawLine)
                if let range = text.range(of: delimiter) {
                    inMultiline = nil
                    i = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.upperBound.samePosition(in: text.unicodeScalars) ?? text.unicodeScalars.endIndex)
                } else {
                    continue
                }
            }
            while i < line.count, line[i] == " " || line[i] == "\t" { i += 1 }
            if depth == 0, inMultiline == nil, i < line.count {
                if line[i] == "[" {
                    let isArray = i + 1 < line.count && line[i + 1] == "["
                    let open = isArray ? 2 : 1
                    if let close = line[(i + open)...].firstIndex(of: "]") {
                        let name = String(String.UnicodeScalarView(line[(i + open)..<close])).trimmingSpaces()
                        if isArray {
                            let index = arrayCounts[name, default: 0]
                            arrayCounts[name] = index + 1
                            table = "\(name)#\(index)"
                        } else {
                            table = name
                        }
                        tables[table] = Position(line: lineNumber, column: i + 1)
                        continue
                    }
                } else if line[i] != "#", let equals = line[i...].firstIndex(of: "=") {
                    var key = String(String.UnicodeScalarView(line[i..<equals])).trimmingSpaces()
                    if key.hasPrefix("\""), key.hasSuffix("\""), key.count >= 2 { key = String(key.dropFirst().dropLast()) }
                    let fullKey = table.isEmpty ? key : "\(table).\(key)"
                    if keys[fullKey] == nil { keys[fullKey] = Position(line: lineNumber, column: i + 1) }
                    i = equals + 1
                }
            }
            // Track bracket depth and multi-line strings in the value part.
            var quote: Unicode.Scalar? = nil
            while i < line.count {
                let c = line[i]
                if let q = quote {
                    if c == "\\" && q == "\"" { i += 2; continue }
                    if c == q { quote = nil }
                } else if c == "#" {
                    break
                } else if c == "\"" || c == "'" {
                    if i + 2 < line.count, line[i + 1] == c, line[i + 2] == c {
                        let delimiter = String(repeating: String(c), count: 3)
                        let rest = String(String.UnicodeScalarView(line[(i + 3)...]))
                        if let end = rest.range(of: delimiter) {
                            i = i + 3 + rest.unicodeScalars.distance(from: rest.unicodeScalars.startIndex, to: end.upperBound)
                            continue
                        }
                        inMultiline = delimiter
                        break
                    }
                    quote = c
                } else if c == "[" || c == "{" {
                    depth += 1
                } else if c == "]" || c == "}" {
                    depth = max(0, depth - 1)
                }
                i += 1
            }
        }
    }

    /// Position of `key` in `table` (`daemon`, or `feed#2` for the third `[[feed]]`): the
    /// `key =` line, or the header of a table named `key` (`[daemon.extra]`, the first
    /// `[[watch]]`), or else the table's own header.
    func position(table: String, key: String? = nil) -> Position? {
        guard let key else { return tables[table] }
        let full = table.isEmpty ? key : "\(table).\(key)"
        return keys[full] ?? tables[full] ?? tables[full + "#0"] ?? tables[table]
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return String(s)
    }
}
