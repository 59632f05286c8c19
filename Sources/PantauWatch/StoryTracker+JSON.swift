extension StoryTracker.Story {
    /// The story as JSON, written by hand: the daemon saves a story with every alert it
    /// files, and Foundation's encoder made that the slowest step of a cold poll. The layout
    /// is the `Codable` one, so `JSONDecoder` reads it back.
    public func json() -> String {
        var w = JSONWriter(capacity: 1024)
        func map<V>(_ dict: [String: V], _ value: (inout JSONWriter, V) -> Void) {
            w.open("{")
            for key in dict.keys.sorted() {
                w.key(dynamic: key)
                value(&w, dict[key]!)
            }
            w.close("}")
        }
        func citation(_ w: inout JSONWriter, _ c: StoryTracker.Citation) {
            w.open("{")
            w.key("feed"); w.string(c.feed)
            w.key("itemID"); w.string(c.itemID)
            w.key("title"); w.string(c.title)
            if let link = c.link { w.key("link"); w.string(link) }
            w.close("}")
        }
        w.open("{")
        w.key("assets"); map(assets) { $0.strings($1) }
        w.key("entities"); w.strings(entities)
        w.key("firstCitations"); map(firstCitations, citation)
        w.key("firstSeen"); w.double(firstSeen)
        w.key("frameKeys"); w.strings(frameKeys)
        w.key("key"); w.string(key)
        w.key("lastAlert"); w.double(lastAlert)
        w.key("lastSeen"); w.double(lastSeen)
        w.key("maxCountCitations"); map(maxCountCitations, citation)
        w.key("maxCounts"); map(maxCounts) { $0.double($1) }
        w.key("simhashes"); w.open("[")
        for hash in simhashes { w.int(hash) }
        w.close("]")
        w.key("sources"); w.strings(sources)
        w.key("watch"); w.string(watch)
        w.close("}")
        return w.finish()
    }
}

import Foundation

extension StoryTracker.Story {
    /// Reads ``json()`` output (or the `Codable` form) through `JSONSerialization`, several
    /// times faster than `JSONDecoder` for the few thousand stories read at the first alert.
    public init?(json data: Data) {
        guard let o = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let key = o["key"] as? String, let watch = o["watch"] as? String else { return nil }
        func strings(_ k: String) -> [String] { o[k] as? [String] ?? [] }
        func number(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }
        func citation(_ any: Any?) -> StoryTracker.Citation? {
            guard let c = any as? [String: Any], let id = c["itemID"] as? String, let feed = c["feed"] as? String else { return nil }
            return StoryTracker.Citation(itemID: id, feed: feed, title: c["title"] as? String ?? "", link: c["link"] as? String)
        }
        func citations(_ k: String) -> [String: StoryTracker.Citation] {
            (o[k] as? [String: Any] ?? [:]).compactMapValues(citation)
        }
        self.init(
            key: key, watch: watch,
            simhashes: (o["simhashes"] as? [NSNumber] ?? []).map(\.uint64Value),
            entities: strings("entities"), frameKeys: strings("frameKeys"), sources: strings("sources"),
            firstSeen: number(o["firstSeen"]) ?? 0, lastSeen: number(o["lastSeen"]) ?? 0, lastAlert: number(o["lastAlert"]) ?? 0,
            maxCounts: (o["maxCounts"] as? [String: Any] ?? [:]).compactMapValues(number),
            maxCountCitations: citations("maxCountCitations"),
            assets: (o["assets"] as? [String: Any] ?? [:]).compactMapValues { $0 as? [String] },
            firstCitations: citations("firstCitations")
        )
    }
}
