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
        func ends(_ s: StaticString) -> Bool { w.count > s.utf8CodeUnitCount + 2 && Self.hasSuffix(w, s) }
        func replace(_ n: Int, _ with: StaticString = "") { w.removeLast(n); with.withUTF8Buffer { w.append(contentsOf: $0) } }

        if ends("ss") || ends("us") || ends("is") { return word }
        if ends("ies") || ends("ied") { replace(3, "y") }
        else if ends("ised") || ends("ises") { replace(4, "ize") }
        else if ends("ising") { replace(5, "ize") }
        else if ends("ments") { replace(5) }
        else if ends("ment") { replace(4) }
        else if ends("izations") || ends("isations") { replace(8, "ize") }
        else if ends("ization") || ends("isation") { replace(7, "ize") }
        else if ends("ations") { replace(6, "ate") }
        else if ends("ation") { replace(5, "ate") }
        else if ends("ings") { replace(4); undouble(&w) }
        else if ends("ing"), hasVowel(w.dropLast(3)) { replace(3); undouble(&w) }
        else if ends("eed") { }
        else if ends("ed"), hasVowel(w.dropLast(2)) { replace(2); undouble(&w) }
        else if ends("sses") || ends("xes") || ends("zes") || ends("ches") || ends("shes") { replace(2) }
        else if ends("s"), !ends("ss") { replace(1) }
        return finish(w)
    }

    /// Final normalisation shared by every path: `-ise` as `-ize`, a final `e` dropped.
    func finish(_ bytes: [UInt8]) -> String {
        var w = bytes
        if w.count > 4, Self.hasSuffix(w, "ise") { w[w.count - 2] = 0x7A }
        if w.count > 3, w.last == 0x65 { w.removeLast() }
        return String(decoding: w, as: UTF8.self)
    }

    /// Whether `bytes` ends with `suffix`, without building an array for it.
    @inline(__always)
    static func hasSuffix(_ bytes: [UInt8], _ suffix: StaticString) -> Bool {
        let n = suffix.utf8CodeUnitCount
        guard bytes.count >= n else { return false }
        return suffix.withUTF8Buffer { tail in
            var i = 0
            while i < n, bytes[bytes.count - n + i] == tail[i] { i += 1 }
            return i == n
        }
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
