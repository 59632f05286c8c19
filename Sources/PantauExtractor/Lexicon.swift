/// Word lists compiled into the extractor from `Resources/` (embedded in code, so loading
/// them is not I/O). The files are written by the Pantau team; see `docs/extract.md`.
enum Lexicon {
    /// Lines of an embedded resource with comments (`#` to end of line) removed.
    static func lines(_ bytes: [UInt8]) -> [Substring] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n").compactMap { line in
            let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = body.trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        }
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
    /// The substring without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return s
    }
}
