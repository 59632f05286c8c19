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
        var c: WordClass = []
        if !word.isEmpty, word.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { c.insert(.digits) }
        if let mark = LanguageDetector.functionWords[word] {
            if mark & 1 != 0 { c.insert(.indonesianFunction) }
            if mark & 2 != 0 { c.insert(.englishFunction) }
        }
        if NumberWords.units[word] != nil { c.insert(.numberWord) }
        if NumberWords.scales[word] != nil { c.insert(.scale) }
        if NumberWords.plurals[word] != nil { c.insert(.plural) }
        if NumberWords.several.contains(word) { c.insert(.several) }
        if DateRecognizer.months[word] != nil { c.insert(.month) }
        if DateRecognizer.weekdays[word] != nil { c.insert(.weekday) }
        if ["kemarin", "yesterday", "today", "hari"].contains(word) { c.insert(.dayWord) }
        if ["pukul", "jam"].contains(word) { c.insert(.clock) }
        if NumberWords.approximators.contains(word) { c.insert(.approximator) }
        if QuantityRecognizer.units[word] != nil { c.insert(.unitWord) }
        if gazetteer.aliases[word] != nil { c.insert(.gazetteerFirst) }
        return c
    }
}
