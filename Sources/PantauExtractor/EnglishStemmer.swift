/// Reduces an English word to a key shared by its inflections and its `-ment`/`-ation` nouns.
///
/// `deploy`, `deploys`, `deployed`, `deploying`, `deployment` all give `deploy`; `escalate`,
/// `escalating`, `escalation` give `escalat`. The key is not always a word: it only has to be
/// the same for forms of one word and different for unrelated words (`escalator` stays
/// `escalator`, `news` is not `new`). Irregular forms and protected words come from
/// `Resources/en-lexicon.txt`.
public struct EnglishStemmer: Sendable {
    let irregular: [String: String]
    let protected: Set<String>

    /// Creates a stemmer with the built-in lexicon.
    public init() {
        irregular = Lexicon.english.irregular
        protected = Lexicon.english.protected
    }

    /// The stem key of a folded word.
    public func stem(_ word: String) -> String {
        if let base = irregular[word] { return finish(Array(base.utf8)) }
        if protected.contains(word) { return word }
        var w = Array(word.utf8)
        guard w.count > 3, w.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        // Compared in place: an array made per suffix tried was most of the stemmer's time.
        // Static helpers over `w`, not closures capturing it: a captured variable lives in
        // a heap box with dynamic exclusivity checks.
        if Self.ends(w, "ss") || Self.ends(w, "us") || Self.ends(w, "is") { return word }
        if Self.ends(w, "ies") || Self.ends(w, "ied") { Self.replace(&w, 3, "y") }
        else if Self.ends(w, "ised") || Self.ends(w, "ises") { Self.replace(&w, 4, "ize") }
        else if Self.ends(w, "ising") { Self.replace(&w, 5, "ize") }
        else if Self.ends(w, "ments") { Self.replace(&w, 5) }
        else if Self.ends(w, "ment") { Self.replace(&w, 4) }
        else if Self.ends(w, "izations") || Self.ends(w, "isations") { Self.replace(&w, 8, "ize") }
        else if Self.ends(w, "ization") || Self.ends(w, "isation") { Self.replace(&w, 7, "ize") }
        else if Self.ends(w, "ations") { Self.replace(&w, 6, "ate") }
        else if Self.ends(w, "ation") { Self.replace(&w, 5, "ate") }
        else if Self.ends(w, "ings") { Self.replace(&w, 4); undouble(&w) }
        else if Self.ends(w, "ing"), hasVowel(w.dropLast(3)) { Self.replace(&w, 3); undouble(&w) }
        else if Self.ends(w, "eed") { }
        else if Self.ends(w, "ed"), hasVowel(w.dropLast(2)) { Self.replace(&w, 2); undouble(&w) }
        else if Self.ends(w, "sses") || Self.ends(w, "xes") || Self.ends(w, "zes") || Self.ends(w, "ches") || Self.ends(w, "shes") { Self.replace(&w, 2) }
        else if Self.ends(w, "s"), !Self.ends(w, "ss") { Self.replace(&w, 1) }
        return finish(w)
    }

    /// Final normalisation shared by every path: `-ise` as `-ize`, a final `e` dropped.
    func finish(_ bytes: [UInt8]) -> String {
        var w = bytes
        if w.count > 4, Self.hasSuffix(w, "ise") { w[w.count - 2] = 0x7A }
        if w.count > 3, w.last == 0x65 { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    /// Whether `w` ends with `s` and keeps more than two bytes before it.
    @inline(__always)
    static func ends(_ w: [UInt8], _ s: StaticString) -> Bool { w.count > s.utf8CodeUnitCount + 2 && hasSuffix(w, s) }

    /// `w` with its last `n` bytes replaced by `with`.
    static func replace(_ w: inout [UInt8], _ n: Int, _ with: StaticString = "") {
        w.removeLast(n)
        with.withUTF8Buffer { w.append(contentsOf: $0) }
    }

    /// Whether `bytes` ends with `suffix`, without building an array for it.
    @inline(__always)
    static func hasSuffix(_ bytes: [UInt8], _ suffix: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { $0.hasSuffix(suffix, endingAt: $0.count) }
    }

    func hasVowel(_ s: ArraySlice<UInt8>) -> Bool {
        s.contains { b in
            switch b {
            case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true  // a e i o u y
            default: false
            }
        }
    }

    /// `stopp` → `stop`, but `fall`, `miss`, `buzz`, `staff` keep their double letter.
    func undouble(_ w: inout [UInt8]) {
        guard w.count >= 3, w[w.count - 1] == w[w.count - 2] else { return }
        switch w[w.count - 1] {
        case 0x6C, 0x73, 0x7A, 0x66, 0x61, 0x65, 0x69, 0x6F, 0x75: return  // l s z f a e i o u
        default: w.removeLast()
        }
    }
}
