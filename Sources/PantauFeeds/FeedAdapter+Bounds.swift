extension FeedAdapter {
    /// Sizes past which an item's fields are no longer what a publisher meant: a guid of
    /// megabytes, a title of a whole article, a link no browser opens. A broken or hostile
    /// feed would otherwise write them into every alert line and the state database on every
    /// poll.
    enum Bounds {
        /// An identity longer than this is replaced by a hash of it (`id-hash:` and 16 hex
        /// digits), which stays just as stable.
        static let idBytes = 512
        /// A longer title is cut at a space, with `…`.
        static let titleBytes = 1_024
        /// A longer link is dropped.
        static let linkBytes = 4_096
    }

    /// `item` with its identity, title and link within ``Bounds``.
    static func bounded(_ item: FeedItem) -> FeedItem {
        guard item.id.utf8.count > Bounds.idBytes || item.title.utf8.count > Bounds.titleBytes || (item.link?.utf8.count ?? 0) > Bounds.linkBytes else {
            return item
        }
        var item = item
        if item.id.utf8.count > Bounds.idBytes { item.id = "id-hash:" + StableHash.hex(item.id) }
        if item.title.utf8.count > Bounds.titleBytes { item.title = cut(item.title, to: Bounds.titleBytes) }
        if (item.link?.utf8.count ?? 0) > Bounds.linkBytes { item.link = nil }
        return item
    }

    /// `text` cut to at most `limit` UTF-8 bytes and `…`: at the last space when one is near,
    /// never inside a character.
    static func cut(_ text: String, to limit: Int) -> String {
        text.cut(toUTF8: limit, breakingWithin: 100) + "…"
    }
}
