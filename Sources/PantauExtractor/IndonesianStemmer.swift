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
        if roots.contains(word) { return word }
        let bytes = Array(word.utf8)
        guard bytes.count > 3, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        if let root = analyse(bytes) { return root }
        for clitic in Self.unknownWordClitics where bytes.count - clitic.count >= 4 && bytes.hasSuffix(clitic) {
            return String(decoding: bytes.dropLast(clitic.count), as: UTF8.self)
        }
        return word
    }

    static let particles: [[UInt8]] = ["lah", "kah", "tah", "pun"].map { Array($0.utf8) }
    static let possessives: [[UInt8]] = ["nya", "ku", "mu"].map { Array($0.utf8) }
    static let suffixes: [[UInt8]] = ["kan", "an", "i"].map { Array($0.utf8) }
    static let unknownWordClitics: [[UInt8]] = ["nya", "pun"].map { Array($0.utf8) }

    func known(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.count >= 2, rootBytes.contains(bytes) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    func analyse(_ word: [UInt8]) -> String? {
        // 1. Inflectional endings: particle, then possessive.
        var bases: [ArraySlice<UInt8>] = [word[...]]
        for p in Self.particles where word.count - p.count >= 3 && word.hasSuffix(p) { bases.append(word.dropLast(p.count)) }
        for base in bases {
            for p in Self.possessives where base.count - p.count >= 3 && base.hasSuffix(p) { bases.append(base.dropLast(p.count)) }
        }
        for base in bases.dropFirst() { if let r = known(base) { return r } }
        // 2. Derivational suffix.
        var forms = bases
        for base in bases {
            for s in Self.suffixes where base.count - s.count >= 3 && base.hasSuffix(s) {
                let stripped = base.dropLast(s.count)
                if let r = known(stripped) { return r }
                forms.append(stripped)
            }
        }
        // 3. Prefixes (with sound changes), up to three deep.
        for form in forms { if let r = prefixes(form, depth: 0) { return r } }
        return nil
    }

    func prefixes(_ word: ArraySlice<UInt8>, depth: Int) -> String? {
        guard depth < 3, word.count >= 4 else { return nil }
        for candidate in Self.prefixCandidates(word) {
            if let r = known(candidate[...]) { return r }
            if let r = prefixes(candidate[...], depth: depth + 1) { return r }
        }
        return nil
    }

    /// Every way to remove one prefix from `w`, most specific rule first.
    static func prefixCandidates(_ w: ArraySlice<UInt8>) -> [[UInt8]] {
        let s = Array(w)
        var out: [[UInt8]] = []
        /// Whether `p` stands at byte `at` of the word (literals compared byte by byte).
        func has(_ p: StaticString, at: Int = 0) -> Bool {
            let n = p.utf8CodeUnitCount
            guard at + n <= s.count else { return false }
            let bytes = p.utf8Start
            for k in 0..<n where s[at + k] != bytes[k] { return false }
            return true
        }
        // `head` then `p` without concatenating (a new string per rule tried).
        func has(_ head: StaticString, _ p: StaticString) -> Bool { has(head) && has(p, at: head.utf8CodeUnitCount) }
        func rest(_ n: Int) -> [UInt8] { Array(s[n...]) }
        func isVowel(_ i: Int) -> Bool { i < s.count && "aiueo".utf8.contains(s[i]) }
        func next(_ i: Int, in set: String) -> Bool { i < s.count && set.utf8.contains(s[i]) }

        for (head, isPe): (StaticString, Bool) in [("me", false), ("pe", true)] {
            guard has(head) else { continue }
            if has(head, "mper") { out.append(rest(6)) }                                   // memper-, pemper-
            if has(head, "nge") && s.count <= 8 { out.append(rest(5)) }                   // mengebom
            if has(head, "ng") {
                if isVowel(4) { out.append([0x6B] + rest(4)); out.append(rest(4)) }        // mengirim → kirim
                if next(4, in: "ghkx") { out.append(rest(4)) }                             // menggunakan → gunakan
            }
            if has(head, "ny"), isVowel(4) { out.append([0x73] + rest(4)) }              // menyerang → serang
            if has(head, "m") {
                if next(3, in: "bfv") { out.append(rest(3)) }                              // membawa → bawa
                if isVowel(3) { out.append([0x70] + rest(3)); out.append([0x6D] + rest(3)) } // memukul → pukul
            }
            if has(head, "n") {
                if next(3, in: "cdjzs") { out.append(rest(3)) }                            // mendukung → dukung
                if isVowel(3) { out.append([0x74] + rest(3)); out.append([0x6E] + rest(3)) } // menempatkan → tempat
            }
            if next(2, in: "lrwymn") { out.append(rest(2)) }                               // melatih, menyatakan → nyata
            if isPe {
                if has("per") { out.append(rest(3)) }                                      // pertahanan → tahan
                if next(2, in: "bcdfghjkpqstvxz") { out.append(rest(2)) }                  // petugas → tugas
            }
        }
        if has("ber") { out.append(rest(3)) }
        if has("bel"), has("belajar") { out.append(rest(3)) }
        if has("be"), s.count > 5, s[2] != 0x72 { out.append(rest(2)) }                  // bekerja → kerja
        if has("ter") { out.append(rest(3)) }
        if has("per") { out.append(rest(3)) }
        if has("di") { out.append(rest(2)) }
        if has("ke") { out.append(rest(2)) }
        if has("se") { out.append(rest(2)) }
        return out.filter { $0.count >= 2 }
    }
}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool { count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix) }
}

extension ArraySlice where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool { count >= suffix.count && self[(endIndex - suffix.count)...].elementsEqual(suffix) }
}
