/// Reduces an Indonesian word to its root by removing affixes, clitics and particles.
///
/// Follows the Nazief–Adriani order (particles, possessives, derivational suffixes, then up
/// to three prefixes with meN-/peN- sound changes: `mengirim` → `kirim`, `menempatkan` →
/// `tempat`, `pengerahan` → `kerah`, `memperburuk` → `buruk`), but only accepts a result that
/// is a known root. A word the lexicon does not know keeps its form (minus `-nya`/`-pun`), so
/// unrelated words are never conflated by guesswork.
public struct IndonesianStemmer: Sendable {
    /// Known roots (folded).
    public let roots: Set<String>
    /// The same roots, looked up from bytes (``known(_:)``).
    let rootBytes: ByteSet

    /// Creates a stemmer with the built-in root lexicon plus `extraRoots`.
    public init(extraRoots: some Sequence<String> = []) {
        var roots = Lexicon.indonesianRoots
        for root in extraRoots { roots.insert(TextFolding.fold(root)) }
        self.roots = roots
        self.rootBytes = ByteSet(roots)
    }

    /// The root of `word` (folded), or `word` itself when no analysis reaches a known root.
    public func stem(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes -> String? in
            if rootBytes.contains(Form(start: 0, end: bytes.count), in: bytes) { return nil }
            guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return nil }
            if let root = analyse(bytes) { return root }
            for clitic in Self.unknownWordClitics where bytes.count - clitic.utf8CodeUnitCount >= 4 && bytes.hasSuffix(clitic, endingAt: bytes.count) {
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - clitic.utf8CodeUnitCount)]), as: UTF8.self)
            }
            return nil
        } ?? word
    }

    static let particles: [StaticString] = ["lah", "kah", "tah", "pun"]
    static let possessives: [StaticString] = ["nya", "ku", "mu"]
    static let suffixes: [StaticString] = ["kan", "an", "i"]
    static let unknownWordClitics: [StaticString] = ["nya", "pun"]

    /// A candidate root while affixes come off: `head` (when not 0) then `word[start..<end]`.
    /// Removing a suffix moves `end`, a prefix `start`; a meN-/peN- sound change puts the
    /// lost first letter back as `head`. No bytes are copied until a root is found.
    struct Form {
        var head: UInt8 = 0
        var start: Int
        var end: Int

        var count: Int { end - start + (head == 0 ? 0 : 1) }

        /// Byte `i` of the form.
        @inline(__always)
        func byte(_ i: Int, in word: UnsafeBufferPointer<UInt8>) -> UInt8 {
            head == 0 ? word[start + i] : i == 0 ? head : word[start + i - 1]
        }

        /// The form without its first `n` bytes, with `head` in front when not 0.
        func rest(_ n: Int, head newHead: UInt8 = 0) -> Form {
            Form(head: newHead, start: start + n - (head == 0 ? 0 : 1), end: end)
        }

        /// Whether `p` stands at byte `at`.
        func has(_ p: StaticString, at: Int = 0, in word: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = p.utf8CodeUnitCount
            guard at + n <= count else { return false }
            let bytes = p.utf8Start
            for k in 0..<n where byte(at + k, in: word) != bytes[k] { return false }
            return true
        }

        /// The form as a string.
        func string(in word: UnsafeBufferPointer<UInt8>) -> String {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: word[start..<end]), as: UTF8.self)
            return head == 0 ? rest : String(UnicodeScalar(head)) + rest
        }
    }

    func known(_ form: Form, in word: UnsafeBufferPointer<UInt8>) -> String? {
        guard form.count >= 2, rootBytes.contains(form, in: word) else { return nil }
        return form.string(in: word)
    }

    func analyse(_ word: UnsafeBufferPointer<UInt8>) -> String? {
        // 1. Inflectional endings: particle, then possessive. Every form so far is a prefix
        //    of the word, so its end says it all; there are at most four (the word, less a
        //    particle, and either of them less a possessive).
        var bases = InlineArray<4, Int>(repeating: word.count)
        var baseCount = 1
        for p in Self.particles where word.count - p.utf8CodeUnitCount >= 3 && word.hasSuffix(p, endingAt: word.count) {
            bases[baseCount] = word.count - p.utf8CodeUnitCount
            baseCount += 1
        }
        let inflected = baseCount
        for i in 0..<inflected {
            let end = bases[i]
            for p in Self.possessives where end - p.utf8CodeUnitCount >= 3 && word.hasSuffix(p, endingAt: end) {
                bases[baseCount] = end - p.utf8CodeUnitCount
                baseCount += 1
            }
        }
        for i in 1..<baseCount { if let r = known(Form(start: 0, end: bases[i]), in: word) { return r } }
        // 2. Derivational suffix.
        var stripped: [Int] = []
        for i in 0..<baseCount {
            let end = bases[i]
            for s in Self.suffixes where end - s.utf8CodeUnitCount >= 3 && word.hasSuffix(s, endingAt: end) {
                if let r = known(Form(start: 0, end: end - s.utf8CodeUnitCount), in: word) { return r }
                stripped.append(end - s.utf8CodeUnitCount)
            }
        }
        // 3. Prefixes (with sound changes), up to three deep.
        for i in 0..<baseCount { if let r = prefixes(Form(start: 0, end: bases[i]), word, depth: 0) { return r } }
        for end in stripped { if let r = prefixes(Form(start: 0, end: end), word, depth: 0) { return r } }
        return nil
    }

    func prefixes(_ form: Form, _ word: UnsafeBufferPointer<UInt8>, depth: Int) -> String? {
        guard depth < 3, form.count >= 4 else { return nil }
        var candidates = Candidates()
        Self.prefixCandidates(form, word, into: &candidates)
        for i in 0..<candidates.count {
            if let r = known(candidates.forms[i], in: word) ?? prefixes(candidates.forms[i], word, depth: depth + 1) { return r }
        }
        return nil
    }

    /// The candidates one prefix removal gives, in order, held inline (no allocation).
    struct Candidates {
        /// More than any word can give: the meN-/peN- rules offer at most 15, the others 3.
        static let capacity = 24
        var forms = InlineArray<24, Form>(repeating: Form(start: 0, end: 0))
        var count = 0

        mutating func append(_ form: Form) {
            guard count < Self.capacity, form.count >= 2 else { return }
            forms[count] = form
            count += 1
        }
    }

    /// Every way to remove one prefix from `f` (at least two bytes left), most specific rule
    /// first.
    static func prefixCandidates(_ f: Form, _ word: UnsafeBufferPointer<UInt8>, into out: inout Candidates) {
        // Every prefix below starts with one of these letters; most words start otherwise.
        switch f.byte(0, in: word) {
        case 0x62, 0x64, 0x6B, 0x6D, 0x70, 0x73, 0x74: break  // b d k m p s t
        default: return
        }
        func offer(_ candidate: Form) { out.append(candidate) }
        let count = f.count
        func has(_ p: StaticString, at: Int = 0) -> Bool { f.has(p, at: at, in: word) }
        // `head` then `p` without concatenating.
        func has(_ head: StaticString, _ p: StaticString) -> Bool { has(head) && has(p, at: head.utf8CodeUnitCount) }
        func isVowel(_ i: Int) -> Bool {
            guard i < count else { return false }
            switch f.byte(i, in: word) {
            case 0x61, 0x69, 0x75, 0x65, 0x6F: return true  // a i u e o
            default: return false
            }
        }
        func next(_ i: Int, in set: StaticString) -> Bool {
            guard i < count else { return false }
            let b = f.byte(i, in: word)
            return UnsafeBufferPointer(start: set.utf8Start, count: set.utf8CodeUnitCount).contains(b)
        }

        for isPe in [false, true] {
            let head: StaticString = isPe ? "pe" : "me"
            guard has(head) else { continue }
            if has(head, "mper") { offer(f.rest(6)) }                                          // memper-, pemper-
            if has(head, "nge") && count <= 8 { offer(f.rest(5)) }                             // mengebom
            if has(head, "ng") {
                if isVowel(4) { offer(f.rest(4, head: 0x6B)); offer(f.rest(4)) }               // mengirim → kirim
                if next(4, in: "ghkx") { offer(f.rest(4)) }                                    // menggunakan → gunakan
            }
            if has(head, "ny"), isVowel(4) { offer(f.rest(4, head: 0x73)) }                    // menyerang → serang
            if has(head, "m") {
                if next(3, in: "bfv") { offer(f.rest(3)) }                                     // membawa → bawa
                if isVowel(3) { offer(f.rest(3, head: 0x70)); offer(f.rest(3, head: 0x6D)) }   // memukul → pukul
            }
            if has(head, "n") {
                if next(3, in: "cdjzs") { offer(f.rest(3)) }                                   // mendukung → dukung
                if isVowel(3) { offer(f.rest(3, head: 0x74)); offer(f.rest(3, head: 0x6E)) }   // menempatkan → tempat
            }
            if next(2, in: "lrwymn") { offer(f.rest(2)) }                                      // melatih, menyatakan → nyata
            if isPe {
                if has("per") { offer(f.rest(3)) }                                             // pertahanan → tahan
                if next(2, in: "bcdfghjkpqstvxz") { offer(f.rest(2)) }                         // petugas → tugas
            }
        }
        if has("ber") { offer(f.rest(3)) }
        if has("bel"), has("belajar") { offer(f.rest(3)) }
        if has("be"), count > 5, f.byte(2, in: word) != 0x72 { offer(f.rest(2)) }            // bekerja → kerja
        if has("ter") { offer(f.rest(3)) }
        if has("per") { offer(f.rest(3)) }
        if has("di") { offer(f.rest(2)) }
        if has("ke") { offer(f.rest(2)) }
        if has("se") { offer(f.rest(2)) }
    }
}
