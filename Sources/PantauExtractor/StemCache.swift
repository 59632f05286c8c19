import Synchronization

/// A bounded memo of stems shared by every document an ``Extractor`` analyses (news repeats
/// its vocabulary across items). Thread-safe; cleared when it reaches ``capacity`` words so
/// memory stays bounded.
final class StemCache: Sendable {
    /// Most words kept per language before the cache starts over.
    static let capacity = 200_000
    private let tables = Mutex<[[String: String]]>([[:], [:]])

    /// The cached stem of `word` in table `slot`, or `compute()` stored for next time.
    func stem(_ word: String, slot: Int, compute: () -> String) -> String {
        if let hit = tables.withLock({ $0[slot][word] }) { return hit }
        let value = compute()
        tables.withLock { tables in
            if tables[slot].count >= Self.capacity { tables[slot].removeAll(keepingCapacity: true) }
            tables[slot][word] = value
        }
        return value
    }
}
