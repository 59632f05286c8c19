extension StoryTracker.Story {
    /// The story as JSON, written by hand: the daemon saves a story with every alert it
    /// files, and Foundation's encoder made that the slowest step of a cold poll. The layout
    /// is the `Codable` one, so `JSONDecoder` reads it back.
    public func json() -> String {
        var out = "{"
        var first = true
        func key(_ name: String) {
            if !first { out += "," }
            first = false
            out += "\"\(name)\":"
        }
        func strings(_ list: [String]) -> String { "[" + list.map(Self.quoted).joined(separator: ",") + "]" }
        func citation(_ c: StoryTracker.Citation) -> String {
            var s = "{\"feed\":\(Self.quoted(c.feed)),\"itemID\":\(Self.quoted(c.itemID)),\"title\":\(Self.quoted(c.title))"
            if let link = c.link { s += ",\"link\":\(Self.quoted(link))" }
            return s + "}"
        }
        func map<V>(_ dict: [String: V], _ value: (V) -> String) -> String {
            "{" + dict.keys.sorted().map { "\(Self.quoted($0)):\(value(dict[$0]!))" }.joined(separator: ",") + "}"
        }
        key("assets"); out += map(assets, strings)
        key("entities"); out += strings(entities)
        key("firstCitations"); out += map(firstCitations, citation)
        key("firstSeen"); out += firstSeen.plainText
        key("frameKeys"); out += strings(frameKeys)
        key("key"); out += Self.quoted(self.key)
        key("lastAlert"); out += lastAlert.plainText
        key("lastSeen"); out += lastSeen.plainText
        key("maxCountCitations"); out += map(maxCountCitations, citation)
        key("maxCounts"); out += map(maxCounts, \.plainText)
        key("simhashes"); out += "[" + simhashes.map { String($0) }.joined(separator: ",") + "]"
        key("sources"); out += strings(sources)
        key("watch"); out += Self.quoted(watch)
        return out + "}"
    }

    /// A JSON string literal.
    static func quoted(_ s: String) -> String {
        // Most names and titles need no escaping: one pass over the bytes decides.
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
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
