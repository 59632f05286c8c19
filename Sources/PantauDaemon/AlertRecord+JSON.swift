import PantauExtractor
import PantauWatch

extension AlertRecord {
    /// The record as one line of JSON, written by hand: the same bytes as `JSONEncoder` with
    /// `.sortedKeys` and `.withoutEscapingSlashes` (keys in sorted order, absent optionals
    /// left out, doubles without a trailing `.0`), at a fraction of its cost — encoding
    /// alerts with Foundation's encoder was an eighth of a cold poll's CPU.
    public func jsonLine() -> String {
        var w = JSONWriter()
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
        if let entitiesOmitted { w.key("entities_omitted"); w.int(entitiesOmitted) }
        if let events {
            w.key("events"); w.open("[")
            for f in events { w.frame(f) }
            w.close("]")
        }
        if let eventsOmitted { w.key("events_omitted"); w.int(eventsOmitted) }
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

extension JSONWriter {
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
