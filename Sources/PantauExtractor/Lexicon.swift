/// Word lists compiled into the extractor from `Resources/` (embedded in code, so loading
/// them is not I/O). The files are written by the Pantau team; see `docs/extract.md`.
enum Lexicon {
    /// Lines of an embedded resource with comments (`#` to end of line) removed.
    /// Cut on the UTF-8 bytes: splitting the `String` by `Character` (grapheme clusters)
    /// made reading the resources most of a command's start-up.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        let text = String(decoding: bytes, as: UTF8.self)
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let body = utf8[start..<end].firstIndex(of: UInt8(ascii: "#")) ?? end
            // Both ends are ASCII bytes, so they fall on character boundaries.
            let trimmed = text[start..<body].trimmingSpaces
            if !trimmed.isEmpty { lines.append(trimmed) }
            start = end == utf8.endIndex ? end : utf8.index(after: end)
        }
        return lines
    }

    /// The whitespace-separated words of an embedded resource, folded.
    static func words(_ bytes: [UInt8]) -> [String] {
        lines(bytes).flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { TextFolding.fold($0) } }
    }

    /// Indonesian roots (`Resources/id-roots.txt`).
    static let indonesianRoots: Set<String> = Set(words(PackageResources.id_roots_txt))

    /// English irregular forms (form → base) and protected words (`Resources/en-lexicon.txt`).
    static let english: (irregular: [String: String], protected: Set<String>) = {
        var irregular: [String: String] = [:]
        var protected: Set<String> = []
        for line in lines(PackageResources.en_lexicon_txt) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { TextFolding.fold($0) }
            if words.count == 2 { irregular[words[0]] = words[1] } else { protected.formUnion(words) }
        }
        return (irregular, protected)
    }()
}

extension Substring {
    /// The parts between occurrences of the ASCII byte `separator`, empty ones included (as
    /// `split(separator:omittingEmptySubsequences: false)`, but cut on the UTF-8 bytes
    /// instead of comparing every `Character`).
    func fields(separatedBy separator: UInt8) -> [Substring] {
        var fields: [Substring] = []
        var start = startIndex
        while let end = utf8[start...].firstIndex(of: separator) {
            fields.append(self[start..<end])
            start = utf8.index(after: end)
        }
        fields.append(self[start...])
        return fields
    }

    /// The substring without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        // On the UTF-8 bytes, like ``fields(separatedBy:)``.
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end, isSpace(utf8[start]) { start = utf8.index(after: start) }
        while end > start, isSpace(utf8[utf8.index(before: end)]) { end = utf8.index(before: end) }
        return self[start..<end]
    }
}
