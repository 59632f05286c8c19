/// Where each of a matcher's terms occurs in one document: token ranges per term index,
/// looked up by position in a flat table (no hashing on the hot path).
struct TermOccurrences {
    /// Per term: its row in ``spans``, or -1 when it does not occur.
    private var row: [Int32]
    private var spans: [[Range<Int>]] = []
    /// The terms that occur, in the order first found.
    private(set) var terms: [Int] = []

    init(termCount: Int) {
        row = [Int32](repeating: -1, count: termCount)
    }

    /// The occurrences of term `t` (nil when it does not occur).
    subscript(t: Int) -> [Range<Int>]? {
        let r = row[t]
        return r < 0 ? nil : spans[Int(r)]
    }

    /// Records an occurrence of term `t`.
    mutating func append(_ span: Range<Int>, to t: Int) {
        let r = row[t]
        if r < 0 {
            row[t] = Int32(spans.count)
            spans.append([span])
            terms.append(t)
        } else {
            spans[Int(r)].append(span)
        }
    }
}
