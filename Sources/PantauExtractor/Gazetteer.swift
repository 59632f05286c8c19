/// Known names: countries, capitals and seats, organisations, media and people, with their
/// Indonesian and English aliases (`Resources/gazetteer.txt`).
public final class Gazetteer: Sendable {
    /// One gazetteer line.
    public struct Entry: Sendable {
        /// Canonical English name.
        public var name: String
        /// Kind of entity.
        public var type: Entity.Kind
        /// Country or organisation it stands for or belongs to.
        public var of: String?
        /// A person's role.
        public var role: String?
    }

    struct Alias: Sendable {
        var words: [String]
        var entry: Int
        /// A short alias written in capitals must appear so (`AS`, `UN`, `NIS`).
        var caseSensitive: Bool
        var language: Language?
    }

    /// All entries.
    public let entries: [Entry]
    /// Aliases keyed by their first folded word, longest first.
    let aliases: [String: [Alias]]
    /// The same lists by number, and the number of each first word: tokens carry the number
    /// (``Token/aliasList``) so matching needs no hashing.
    let aliasLists: [[Alias]]
    let aliasListIndex: [String: Int32]
    /// Entry index by canonical name.
    let byName: [String: Int]

    /// The gazetteer compiled into the extractor.
    public static let standard = Gazetteer(PackageResources.gazetteer_txt)

    init(_ resource: [UInt8]) {
        var entries: [Entry] = []
        var aliases: [String: [Alias]] = [:]
        var byName: [String: Int] = [:]
        for line in Lexicon.lines(resource) {
            let fields = line.fields(separatedBy: UInt8(ascii: "|")).map { $0.trimmingSpaces }
            guard fields.count >= 2, let type = Entity.Kind(rawValue: String(fields[1])) else { continue }
            var entry = Entry(name: String(fields[0]), type: type)
            if fields.count > 3 {
                for attribute in fields[3].fields(separatedBy: UInt8(ascii: ";")) {
                    guard let equals = attribute.firstIndex(of: "=") else { continue }
                    let key = attribute[..<equals].trimmingSpaces, value = String(attribute[attribute.index(after: equals)...].trimmingSpaces)
                    guard !key.isEmpty, !value.isEmpty else { continue }
                    if key == "of" { entry.of = value } else if key == "role" { entry.role = value }
                }
            }
            let index = entries.count
            entries.append(entry)
            byName[entry.name] = index
            var written = [Substring(entry.name)]
            if fields.count > 2 { written += fields[2].fields(separatedBy: UInt8(ascii: ";")).map { $0.trimmingSpaces }.filter { !$0.isEmpty } }
            for var alias in written {
                var language: Language?
                if alias.hasPrefix("id:") { language = .indonesian; alias = alias.dropFirst(3) }
                else if alias.hasPrefix("en:") { language = .english; alias = alias.dropFirst(3) }
                let words = WordSplitter.words(in: String(alias))
                guard let first = words.first else { continue }
                // Counted in place: `filter` on a substring's scalars builds a substring by
                // appending one scalar at a time, which made this line most of the start-up.
                var letters = 0, allUppercase = true
                for scalar in alias.unicodeScalars {
                    // ASCII answered without Unicode's property tables.
                    let value = scalar.value
                    guard value < 0x80 ? (value | 0x20) &- 0x61 < 26 : scalar.properties.isAlphabetic else { continue }
                    letters += 1
                    allUppercase = allUppercase && (value < 0x80 ? value &- 0x41 < 26 : scalar.properties.isUppercase)
                }
                let caseSensitive = letters <= 3 && allUppercase
                aliases[first, default: []].append(Alias(words: words, entry: index, caseSensitive: caseSensitive, language: language))
            }
        }
        for key in aliases.keys { aliases[key]!.sort { $0.words.count > $1.words.count } }
        self.entries = entries
        self.aliases = aliases
        var lists: [[Alias]] = []
        var listIndex: [String: Int32] = [:]
        for (word, list) in aliases {
            listIndex[word] = Int32(lists.count)
            lists.append(list)
        }
        self.aliasLists = lists
        self.aliasListIndex = listIndex
        self.byName = byName
    }

    /// The canonical name of an alias as an operator writes it (`Korea Utara`, `dprk`,
    /// `North Korea`), case-insensitively; nil when no entry has it.
    public func canonicalName(for alias: String) -> String? {
        let words = WordSplitter.words(in: alias)
        guard let first = words.first, let candidates = aliases[first] else { return nil }
        return candidates.first { $0.words == words }.map { entries[$0.entry].name }
    }

    /// The entry named `name`, if any.
    public func entry(named name: String) -> Entry? { byName[name].map { entries[$0] } }
}

/// Folded words of a short phrase, as the tokenizer would cut them.
enum WordSplitter {
    static func words(in phrase: String) -> [String] {
        let bytes = Array(phrase.utf8)
        return Tokenizer().wordRanges(in: phrase).map { TextFolding.fold(String(decoding: bytes[$0], as: UTF8.self)) }
    }
}
