/// Builds deployment and escalation frames sentence by sentence from triggers (`kirim`,
/// `tempat`, `kerah`, `deploy`; `eskalasi`, `invasi`, `attack`), assets (`tentara`, `kapal`,
/// `troops`), entities, quantities, quotes and attributions.
///
/// Look-alikes are told apart by context: a sentence with a sports, parcel, price, holiday
/// traffic, volunteer or video-game cue and no military cue raises no frame. A frame that
/// names no actor takes the one of the previous deployment frame ("mereka", "pasukan
/// tersebut"); its destination is carried over only after an anaphor (`tersebut`, `these`).
struct EventRecognizer: Sendable {
    let cues: Cues

    static let modifiers: Set<String> = ["militer", "tempur", "darat", "laut", "udara", "elit", "khusus", "tambahan", "cadangan", "additional", "combat", "ground", "elite"]
    static let prepositions: Set<String> = ["ke", "di", "dari", "to", "in", "from", "at", "into", "antara", "between", "dengan", "with", "terhadap", "against", "melawan", "menuju", "near", "dekat", "toward", "towards", "on", "oleh", "by"]
    static let destinationMarkers: Set<String> = ["ke", "menuju", "to", "into", "di", "in", "toward", "towards", "near", "dekat", "at", "terhadap", "against", "melawan", "on", "hit", "struck", "menghantam", "targeting", "menyasar"]
    static let placeFillers: Set<String> = ["the", "northern", "southern", "eastern", "western", "perbatasan", "wilayah", "kawasan", "border", "region", "pangkalan", "perairan", "laut", "ibu", "kota"]
    /// Assets that are weapons fired rather than forces sent.
    static let weapons: Set<String> = ["missiles", "drones", "rockets"]
    static let anaphors: Set<String> = ["tersebut", "itu", "ini", "these", "those", "same"]
    static let clauseMarkers: Set<String> = ["bahwa", "that"]
    static let conditionals: Set<String> = ["jika", "apabila", "seandainya", "bila", "if"]
    static let placeTypes: Set<Entity.Kind> = [.country, .capital, .seat, .city, .territory]
    static let actorTypes: Set<Entity.Kind> = [.country, .capital, .seat, .organization, .person]

    func recognize(_ c: Context) -> [EventFrame] {
        let doc = c.doc
        let tokens = doc.tokens
        var frames: [EventFrame] = []
        var lastActor: String?
        var lastDestination: String?

        for s in doc.sentences.indices {
            let range = doc.sentenceTokens[s]
            guard !range.isEmpty else { continue }
            // Sentences with no asset, trigger or escalation cue at all are skipped outright.
            guard doc.sentence(s, mayHold: cues.assets) || doc.sentence(s, mayHold: cues.escalation) else { continue }
            let military = doc.sentence(s, mayHold: cues.military) && range.contains { cues.military.contains(at: $0, in: doc) }
            let lookalike = doc.sentence(s, mayHold: cues.lookalike) && range.contains { cues.lookalike.contains(at: $0, in: doc) }
            if lookalike && !military { continue }
            let assets = doc.sentence(s, mayHold: cues.assets) ? findAssets(range, c) : []

            if !assets.isEmpty, doc.sentence(s, mayHold: cues.deployment), let t = range.first(where: { isDeploymentTrigger($0, assets: assets, doc) }),
               let primary = primaryAsset(assets, trigger: t) {
                var frame = makeFrame(.deployment, trigger: t, sentence: s, c)
                frame.what = primary.unit
                let assetEnd = primary.index + primary.length
                frame.actor = actorAfterAsset(assetEnd, range, c) ?? actorBeforeAsset(primary.index, c) ?? subject(before: min(t, primary.index), range, c)
                frame.destination = destination(after: min(t, primary.index), range, c, excluding: frame.actor)
                let anaphoric = (assetEnd..<min(assetEnd + 3, range.upperBound)).contains { Self.anaphors.contains(tokens[$0].folded) }
                frame.assets = assets.map { a in
                    let q = quantity(endingAt: a.index + a.length, c)
                    return EventFrame.Asset(what: a.unit, count: q?.value, approximate: q?.approximate ?? false)
                }
                if let q = quantity(endingAt: assetEnd, c) ?? c.quantity(inSentence: s, unit: primary.unit) {
                    frame.count = q.value
                    frame.approximate = q.approximate
                }
                // A sentence that names nothing of its own (a heading) raises no frame.
                let ownFacts = frame.actor != nil || frame.destination != nil || frame.count != nil || frame.assets.contains { $0.count != nil }
                if frame.actor == nil { frame.actor = lastActor }
                if frame.destination == nil, anaphoric { frame.destination = lastDestination }
                if ownFacts {
                    frames.append(frame)
                    lastActor = frame.actor
                    lastDestination = frame.destination ?? lastDestination
                }
            }

            // Escalation: a strong trigger in a military or armed context, or a weapon launch
            // ("meluncurkan rudal", "launched drones") next to a weapon.
            let weapons = assets.filter { Self.weapons.contains($0.unit) }
            let armed = military || !assets.isEmpty
            let strong = armed && doc.sentence(s, mayHold: cues.escalation) ? range.first(where: { cues.escalation.contains(at: $0, in: doc) }) : nil
            let launch = weapons.isEmpty ? nil : range.first(where: { t in
                cues.launch.contains(at: t, in: doc) && Self.firstAsset(in: weapons, from: t + 1).map { weapons[$0].index <= t + 4 } == true
            })
            if let e = [strong, launch].compactMap({ $0 }).min() {
                var frame = makeFrame(.escalation, trigger: e, sentence: s, c)
                frame.actor = actorBeforeAsset(e, c, skipping: assets) ?? actorAfter(e, range, c) ?? subject(before: e, range, c)
                frame.destination = destination(after: e, range, c, excluding: frame.actor, markers: Self.destinationMarkers.union(doc.language == .english ? ["of"] : []))
                frames.append(frame)
            }
        }
        return frames
    }

    /// An asset word (`tentara`, `kapal perang`) at token `index`, `length` tokens long.
    struct AssetHit { var index: Int; var length: Int; var unit: String }

    /// Index of the first of `assets` (in order, not overlapping) at or after token `t`.
    static func firstAsset(in assets: [AssetHit], from t: Int) -> Int? {
        let k = partitionPoint(assets.count) { assets[$0].index >= t }
        return k < assets.count ? k : nil
    }

    /// A word for people followed by a capitalised word that names no entity is a named
    /// group (`Pasukan Oranye`, the street cleaners), not a military asset. Vessels and
    /// aircraft followed by a name (`kapal induk USS …`) stay assets.
    func isNamedGroup(_ next: Int, unit: String, _ range: Range<Int>, _ doc: Document, _ entities: EntityRecognizer.Result) -> Bool {
        guard unit == "troops", next < range.upperBound, doc.isTight(after: next - 1) else { return false }
        return doc.isCapitalized(next) && doc.tokens[next].folded.count >= 3 && !doc.isDigits(next) && entities.span(at: next) == nil && doc.language == .indonesian
    }

    /// The sentence's asset words, in order, outside entity names (`Tentara Nasional
    /// Indonesia`) and named groups.
    func findAssets(_ range: Range<Int>, _ c: Context) -> [AssetHit] {
        let doc = c.doc
        var out: [AssetHit] = []
        var i = range.lowerBound
        while i < range.upperBound {
            if let (length, unit) = cues.assets.match(at: i, in: doc, limit: range.upperBound), !c.insideEntity(i),
               !isNamedGroup(i + length, unit: unit, range, doc, c.entities) {
                out.append(AssetHit(index: i, length: length, unit: unit))
                i += length
            } else {
                i += 1
            }
        }
        return out
    }

    /// A trigger with an asset near it; a bare root right after an asset is a modifier
    /// (`pesawat angkut` = transport aircraft), not a verb.
    func isDeploymentTrigger(_ t: Int, assets: [AssetHit], _ doc: Document) -> Bool {
        guard cues.deployment.contains(at: t, in: doc) else { return false }
        // Assets are in order and do not overlap: the only one that can end at `t` is the last
        // one starting before it.
        let atOrAfter = Self.firstAsset(in: assets, from: t) ?? assets.count
        if atOrAfter > 0, assets[atOrAfter - 1].index + assets[atOrAfter - 1].length == t,
           doc.tokens[t].folded == doc.tokens[t].stem && doc.language == .indonesian { return false }
        if atOrAfter < assets.count, assets[atOrAfter].index == t { return false }
        return Self.firstAsset(in: assets, from: t - 6).map { assets[$0].index <= t + 8 } ?? false
    }

    /// Personnel before vehicles; otherwise the asset nearest the trigger.
    func primaryAsset(_ assets: [AssetHit], trigger t: Int) -> AssetHit? {
        let near = assets.filter { $0.index >= t - 6 && $0.index <= t + 8 }
        return near.first { $0.unit == "troops" || $0.unit == "marines" } ?? near.min { abs($0.index - t) < abs($1.index - t) }
    }

    func makeFrame(_ kind: EventFrame.Kind, trigger t: Int, sentence s: Int, _ c: Context) -> EventFrame {
        let doc = c.doc
        let range = doc.sentenceTokens[s]
        let sentence = doc.sentences[s]
        let hedged = range.contains { cues.hedges.contains(at: $0, in: doc) || Self.conditionals.contains(doc.tokens[$0].folded) }
        return EventFrame(
            type: kind, actor: nil, destination: nil, what: nil, count: nil, approximate: false, assets: [],
            claimedBy: claimant(s, trigger: t, c), hedged: hedged, trigger: doc.surface(doc.tokens[t].range),
            evidence: sentence.text, sentence: s
        )
    }

    func name(_ span: (tokens: Range<Int>, entity: Int), _ c: Context, types: Set<Entity.Kind> = actorTypes) -> String? {
        let entity = c.entities.entities[span.entity]
        guard types.contains(entity.type) else { return nil }
        if entity.type == .person {
            // A person acts for their country ("pemerintah Kim Jong Un" = North Korea).
            guard let of = entity.affiliation, Gazetteer.standard.entry(named: of)?.type == .country else { return nil }
            return of
        }
        return entity.actorName
    }

    /// "tentara Korea Utara", "tentara DPRK", "pasukan militer Rusia".
    func actorAfterAsset(_ end: Int, _ range: Range<Int>, _ c: Context) -> String? {
        var k = end
        while k < range.upperBound, Self.modifiers.contains(c.doc.tokens[k].stem) || Self.modifiers.contains(c.doc.tokens[k].folded) { k += 1 }
        guard k < range.upperBound, let span = c.entities.span(at: k) else { return nil }
        return name(span, c, types: [.country, .capital, .seat, .organization])
    }

    /// "North Korean troops".
    func actorBeforeAsset(_ start: Int, _ c: Context, skipping assets: [AssetHit] = []) -> String? {
        guard c.doc.language == .english else { return nil }
        // "Russian missile strike": step back over an asset between the demonym and the trigger.
        var start = start
        if let a = assets.first(where: { $0.index + $0.length == start }) { start = a.index }
        guard let span = c.entities.spanIndex(endingAt: start).map({ c.entities.spans[$0] }) else { return nil }
        return name(span, c, types: [.country, .organization])
    }

    /// The first actor entity within six tokens after `t` ("invasi Moskow").
    func actorAfter(_ t: Int, _ range: Range<Int>, _ c: Context) -> String? {
        for k in (t + 1)..<min(t + 7, range.upperBound) {
            let word = c.doc.tokens[k].folded
            if Self.prepositions.contains(word) || (word == "of" && c.doc.language == .english) { return nil }
            if let span = c.entities.span(at: k), let n = name(span, c) { return n }
        }
        return nil
    }

    /// The last actor entity of the clause before `t` (after "bahwa"/"that"), not governed by a preposition.
    func subject(before t: Int, _ range: Range<Int>, _ c: Context) -> String? {
        var start = range.lowerBound
        for k in range.lowerBound..<t where Self.clauseMarkers.contains(c.doc.tokens[k].folded) { start = k + 1 }
        var found: String?
        for span in c.entities.spans[c.firstSpan(startingAtOrAfter: start)...].prefix(while: { $0.tokens.lowerBound < t }) where span.tokens.upperBound <= t {
            let before = span.tokens.lowerBound - 1
            if before >= range.lowerBound, Self.prepositions.contains(c.doc.tokens[before].folded) { continue }
            if let n = name(span, c) { found = n }
        }
        return found
    }

    func destination(after t: Int, _ range: Range<Int>, _ c: Context, excluding actor: String?, markers: Set<String> = destinationMarkers) -> String? {
        let tokens = c.doc.tokens
        var k = t
        while k < min(t + 12, range.upperBound - 1) {
            if markers.contains(tokens[k].folded) {
                // "ke perbatasan Belarus", "into northern Syria", "to the Belarus border"
                var e = k + 1
                while e < min(k + 4, range.upperBound), c.entities.span(at: e) == nil, Self.placeFillers.contains(tokens[e].folded) { e += 1 }
                // The place as named: a strike on Kyiv hits Kyiv (metonymy is for actors).
                if let span = c.entities.span(at: e), Self.placeTypes.contains(c.entities.entities[span.entity].type) {
                    let n = c.entities.entities[span.entity].name
                    if n != actor { return n }
                }
            }
            k += 1
        }
        return nil
    }

    /// The count whose text ends with token `end - 1` ("1.500" of "1.500 tentara").
    func quantity(endingAt end: Int, _ c: Context) -> Quantity? {
        guard end > 0 else { return nil }
        return c.quantity(endingAt: c.doc.tokens[end - 1].range.upperBound)
    }

    /// Who the sentence's claim comes from: the speaker of a quote around it, an attribution
    /// in it, or the subject of a speech verb ("NATO mengungkapkan bahwa", "NIS menuduh").
    func claimant(_ s: Int, trigger t: Int, _ c: Context) -> String? {
        let doc = c.doc
        if let q = c.spokenQuote(around: doc.tokens[t].range) { return q.speaker }
        if let a = c.attribution(inSentence: s) { return a.name }
        let range = doc.sentenceTokens[s]
        for k in range where k < t {
            guard cues.speech.contains(at: k, in: doc) else { continue }
            if let idx = c.entities.spanIndex(endingAt: k) ?? c.entities.spanIndex(endingAt: k - 1) {
                return c.entities.entities[c.entities.spans[idx].entity].name
            }
        }
        return nil
    }
}
