import PantauExtractor

extension AlertRecord {
    /// The record as one line of JSON, written by hand: the same bytes as `JSONEncoder` with
    /// `.sortedKeys` and `.withoutEscapingSlashes` (keys in sorted order, absent optionals
    /// left out, doubles without a trailing `.0`), at a fraction of its cost — encoding
    /// alerts with Foundation's encoder was an eighth of a cold poll's CPU.
    public func jsonLine() -> String {
        var w = JSONLineWriter()
        w.open("{")
        w.key("alert_id"); w.string(alertID)
        if let cites {
            w.key("cites"); w.open("[")
            for c in cites { w.citation(c) }
            w.close("]")
        }
        if let details { w.key("details"); w.strings(details) }
        if let entities {
            w.key("entities"); w.open("[")
            for e in entities { w.entity(e) }
            w.close("]")
        }
        if let events {
            w.key("events"); w.open("[")
            for f in events { w.frame(f) }
            w.close("]")
        }
        w.key("evidence"); w.string(evidence)
        w.key("feed"); w.open("{")
        w.key("name"); w.string(feed.name)
        w.key("url"); w.string(feed.url)
        w.close("}")
        w.key("item"); w.open("{")
        w.key("id"); w.string(item.id)
        if let link = item.link { w.key("link"); w.string(link) }
        if let published = item.published { w.key("published"); w.string(published) }
        w.key("title"); w.string(item.title)
        w.close("}")
        if let kind { w.key("kind"); w.string(kind) }
        w.key("language"); w.string(language)
        w.key("matches"); w.open("[")
        for m in matches {
            w.open("{")
            w.key("sentence"); w.string(m.sentence)
            w.key("term"); w.string(m.term)
            w.key("text"); w.string(m.text)
            w.close("}")
        }
        w.close("]")
        w.key("schema"); w.int(schema)
        w.key("severity"); w.string(severity)
        if let severityReasons { w.key("severity_reasons"); w.strings(severityReasons) }
        if let story { w.key("story"); w.string(story) }
        w.key("time"); w.string(time)
        w.key("watch"); w.string(watch)
        w.close("}")
        return w.finish()
    }
}

/// Appends JSON to a byte buffer. Callers write an object's keys in sorted order; the
/// writer puts in the commas.
struct JSONLineWriter {
    private var bytes: [UInt8] = []
    private var needsComma = false
    private static let hex = Array("0123456789abcdef".utf8)

    init() { bytes.reserveCapacity(4096) }

    func finish() -> String { String(decoding: bytes, as: UTF8.self) }

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Starts an object (`{`) or array (`[`) as a value.
    mutating func open(_ bracket: Unicode.Scalar) {
        separate()
        bytes.append(UInt8(ascii: bracket))
        needsComma = false
    }

    /// Ends an object (`}`) or array (`]`).
    mutating func close(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(ascii: bracket))
        needsComma = true
    }

    /// Writes `"name":`; the value follows.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    mutating func strings(_ values: [String]) {
        open("[")
        for value in values { string(value) }
        close("]")
    }

    mutating func int(_ value: Int) {
        separate()
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// As `JSONEncoder` writes a `Double`: its description without a trailing `.0`.
    mutating func double(_ value: Double) {
        separate()
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// A string literal, escaped as `JSONEncoder` does: `"` and `\`, `\b \f \n \r \t`, other
    /// control characters as `\u00xx`; everything else (including `/`) as it is.
    mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for b in value.utf8 {
            guard b < 0x20 || b == 0x22 || b == 0x5C else {
                bytes.append(b)
                continue
            }
            bytes.append(0x5C)
            switch b {
            case 0x22, 0x5C: bytes.append(b)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(Self.hex[Int(b >> 4)])
                bytes.append(Self.hex[Int(b & 0xF)])
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func citation(_ c: AlertRecord.Citation) {
        open("{")
        key("feed"); string(c.feed)
        key("id"); string(c.id)
        if let link = c.link { key("link"); string(link) }
        key("title"); string(c.title)
        close("}")
    }

    mutating func entity(_ e: AlertRecord.EntitySummary) {
        open("{")
        if let affiliation = e.affiliation { key("affiliation"); string(affiliation) }
        key("aliases"); strings(e.aliases)
        key("mentions"); int(e.mentions)
        key("name"); string(e.name)
        if let role = e.role { key("role"); string(role) }
        key("type"); string(e.type)
        close("}")
    }

    mutating func frame(_ f: EventFrame) {
        open("{")
        if let actor = f.actor { key("actor"); string(actor) }
        key("approximate"); bool(f.approximate)
        key("assets"); open("[")
        for a in f.assets {
            open("{")
            key("approximate"); bool(a.approximate)
            if let count = a.count { key("count"); double(count) }
            key("what"); string(a.what)
            close("}")
        }
        close("]")
        if let claimedBy = f.claimedBy { key("claimed_by"); string(claimedBy) }
        if let count = f.count { key("count"); double(count) }
        if let destination = f.destination { key("destination"); string(destination) }
        key("evidence"); string(f.evidence)
        key("hedged"); bool(f.hedged)
        key("sentence"); int(f.sentence)
        key("trigger"); string(f.trigger)
        key("type"); string(f.type.rawValue)
        if let what = f.what { key("what"); string(what) }
        close("}")
    }
}
