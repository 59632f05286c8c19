/// Language-independent classes of a folded word, as bits: what the recognizers look for.
/// Computed once per distinct word (see ``WordCache``) so that recognizers test bits instead
/// of hashing every token against every table.
struct WordClass: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    static let indonesianFunction = WordClass(rawValue: 1 << 0)
    static let englishFunction = WordClass(rawValue: 1 << 1)
    static let numberWord = WordClass(rawValue: 1 << 2)
    static let scale = WordClass(rawValue: 1 << 3)
    static let plural = WordClass(rawValue: 1 << 4)
    static let several = WordClass(rawValue: 1 << 5)
    static let month = WordClass(rawValue: 1 << 6)
    static let weekday = WordClass(rawValue: 1 << 7)
    /// `kemarin`, `yesterday`, `today`, `hari`.
    static let dayWord = WordClass(rawValue: 1 << 8)
    /// `pukul`, `jam`: a clock time follows.
    static let clock = WordClass(rawValue: 1 << 9)
    /// Any capitalised-word gazetteer alias starts with this word.
    static let gazetteerFirst = WordClass(rawValue: 1 << 10)
    /// Only ASCII digits.
    static let digits = WordClass(rawValue: 1 << 11)
    /// `sekitar`, `about`, `more`…: an approximate amount may follow.
    static let approximator = WordClass(rawValue: 1 << 12)
    /// A unit a count may have (`persen`, `orang`, `km`).
    static let unitWord = WordClass(rawValue: 1 << 13)

    /// Every class of `word`.
    static func of(_ word: String, gazetteer: Gazetteer) -> WordClass {
        var c = fixed[word] ?? []
        if !word.isEmpty, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { c.insert(.digits) }
        if gazetteer.aliases[word] != nil { c.insert(.gazetteerFirst) }
        return c
    }

    /// The classes that come from fixed word lists, merged into one table: a new word costs
    /// one lookup here instead of one per list.
    static let fixed: [String: WordClass] = {
        var table: [String: WordClass] = [:]
        func add<S: Sequence>(_ words: S, _ c: WordClass) where S.Element == String {
            for word in words { table[word, default: []].insert(c) }
        }
        for (word, mark) in LanguageDetector.functionWords {
            if mark & 1 != 0 { table[word, default: []].insert(.indonesianFunction) }
            if mark & 2 != 0 { table[word, default: []].insert(.englishFunction) }
        }
        add(NumberWords.units.keys, .numberWord)
        add(NumberWords.scales.keys, .scale)
        add(NumberWords.plurals.keys, .plural)
        add(NumberWords.several, .several)
        add(DateRecognizer.months.keys, .month)
        add(DateRecognizer.weekdays.keys, .weekday)
        add(["kemarin", "yesterday", "today", "hari"], .dayWord)
        add(["pukul", "jam"], .clock)
        add(NumberWords.approximators, .approximator)
        add(QuantityRecognizer.units.keys, .unitWord)
        return table
    }()
}
