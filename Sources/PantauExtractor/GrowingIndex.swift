/// A map from keys to indexes, the first value for a key kept, that scans a short array while
/// it is short (an article names a handful of people and places, and a few comparisons beat
/// hashing) and hashes once it grows past ``listLimit`` (a broken or hostile item names
/// thousands, and scanning would make it quadratic).
struct GrowingIndex<Key: Hashable> {
    private var list: [(key: Key, value: Int)] = []
    private var table: [Key: Int]?

    /// Entries kept in the array before the index hashes.
    static var listLimit: Int { 16 }

    /// The value stored for `key`.
    func value(for key: Key) -> Int? {
        if let table { return table[key] }
        return list.first { $0.key == key }?.value
    }

    /// Stores `value` for `key` unless the key has one; returns whether it was stored.
    @discardableResult
    mutating func insert(_ key: Key, _ value: Int) -> Bool {
        if table != nil {
            guard table![key] == nil else { return false }
            table![key] = value
            return true
        }
        guard !list.contains(where: { $0.key == key }) else { return false }
        list.append((key, value))
        if list.count > Self.listLimit {
            table = Dictionary(list.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            list = []
        }
        return true
    }
}
