/// Tells Indonesian from English (or neither) by counting function words.
///
/// Function words are frequent in any sentence, so two sentences are usually enough.
/// The confidence is the winning share of function-word hits, scaled down when there are
/// few hits at all.
public struct LanguageDetector: Sendable {
    /// Creates a detector.
    public init() {}

    /// Indonesian function words (folded).
    static let indonesian: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "ini", "itu", "dengan", "untuk", "pada", "adalah",
        "dalam", "tidak", "akan", "telah", "bahwa", "oleh", "juga", "sebagai", "atau", "karena",
        "tersebut", "ada", "sudah", "para", "mereka", "kami", "saya", "kita", "ia", "dia",
        "namun", "tetapi", "serta", "bagi", "hingga", "sejak", "antara", "setelah", "sebelum",
        "lebih", "sangat", "sedang", "masih", "belum", "bisa", "dapat", "harus", "secara",
        "menjadi", "tentang", "kepada", "terhadap", "yaitu", "jika", "saat", "ketika", "pun",
        "nya", "sekitar", "banyak", "lain", "lainnya", "kata", "ujar", "ungkap", "tahun",
    ]

    /// English function words (folded).
    static let english: Set<String> = [
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by",
        "at", "from", "it", "are", "be", "this", "have", "has", "an", "said", "will", "were",
        "had", "not", "but", "its", "they", "their", "which", "been", "would", "who", "after",
        "about", "more", "than", "into", "over", "also", "there", "when", "could", "he", "she",
        "we", "our", "or", "his", "her", "after", "says", "some", "other", "against", "between",
    ]

    /// Tokens looked at: function words are dense, so a few hundred decide any document.
    public static let sampleSize = 400

    /// Both lists in one table (bit 1: Indonesian, bit 2: English): one hash per token.
    static let functionWords: [String: UInt8] = {
        var table: [String: UInt8] = [:]
        for word in indonesian { table[word, default: 0] |= 1 }
        for word in english { table[word, default: 0] |= 2 }
        return table
    }()

    /// 1 for an Indonesian affix shape (meN-/peN-/ber-/di- … -kan/-an/-nya), 2 for an English
    /// inflection (-ing, -tion, -ness, -ment, -ly, -ed), 0 otherwise.
    static func affixHint(_ word: String) -> Int {
        let w = word.utf8
        func starts(_ p: String) -> Bool { w.starts(with: p.utf8) }
        func ends(_ p: String) -> Bool { w.count > p.utf8.count && w.suffix(p.utf8.count).elementsEqual(p.utf8) }
        let idPrefix = starts("meng") || starts("meny") || starts("mem") || starts("men") || starts("peng") || starts("peny")
            || starts("pem") || starts("ber") || starts("di") || starts("ter") || starts("per") || starts("ke")
        if idPrefix && (ends("kan") || ends("nya") || ends("an")) { return 1 }
        if starts("meng") || starts("meny") || starts("peng") { return 1 }
        if ends("ing") || ends("tion") || ends("tions") || ends("ness") || ends("ment") || ends("ly") || ends("ed") && !ends("aed") { return 2 }
        return 0
    }

    /// Detects the language from folded words and their memoised classes (the extractor's path).
    func detect<W: Collection, C: Collection>(folded: W, classes: C) -> (language: Language, confidence: Double)
    where W.Element == String, C.Element == WordClass {
        var id = 0, en = 0
        for c in classes.prefix(Self.sampleSize) {
            if c.contains(.indonesianFunction) { id += 1 }
            if c.contains(.englishFunction) { en += 1 }
        }
        if id + en < 8 { (id, en) = Self.addAffixHints(folded.prefix(Self.sampleSize), id, en) }
        return Self.decide(id, en)
    }

    static func addAffixHints<S: Sequence>(_ words: S, _ id: Int, _ en: Int) -> (Int, Int) where S.Element == String {
        var id = id, en = en
        for token in words where token.utf8.count >= 7 {
            switch affixHint(token) {
            case 1: id += 1
            case 2: en += 1
            default: break
            }
        }
        return (id, en)
    }

    /// Detects the language of already folded tokens (the first ``sampleSize`` of them).
    public func detect<C: Collection>(foldedTokens tokens: C) -> (language: Language, confidence: Double)
    where C.Element == String {
        var id = 0, en = 0
        for token in tokens.prefix(Self.sampleSize) where token.utf8.count <= 8 {
            guard let mark = Self.functionWords[token] else { continue }
            if mark & 1 != 0 { id += 1 }
            if mark & 2 != 0 { en += 1 }
        }
        // Few function words (a headline, two short sentences): affix shapes decide
        // ("menempatkan", "dikabarkan" vs "deployed", "reportedly").
        if id + en < 8 { (id, en) = Self.addAffixHints(tokens.prefix(Self.sampleSize), id, en) }
        return Self.decide(id, en)
    }

    static func decide(_ id: Int, _ en: Int) -> (language: Language, confidence: Double) {
        let total = id + en
        guard total >= 2 else { return (.other, 0) }
        let share = Double(max(id, en)) / Double(total)
        let support = min(1.0, Double(total) / 8.0)
        let confidence = (share * support * 1000).rounded() / 1000
        if share < 0.6 { return (.other, confidence) }
        return (id > en ? .indonesian : .english, confidence)
    }
}
