import PantauExtractor

/// Groups reports of the same story and notices when its numbers escalate. Pure: the caller
/// passes the time and persists ``stories``.
///
/// A report joins a story of the same watch list seen within ``window`` when its text is a
/// near duplicate (SimHash within ``maxDistance`` bits), or when both state the same event
/// frame (type, actor and destination) and share most of their entities. The first report
/// of a story is an alert; later ones within the watch list's cooldown are corroborations
/// (new sources, new facts); a report stating a higher count for a frame than any before, or
/// a new kind of asset, is an escalation citing the earlier report.
public struct StoryTracker: Sendable {
    /// One report as the tracker sees it.
    public struct Report: Sendable, Hashable, Codable {
        /// Item identity, feed and title (what records cite).
        public var itemID: String
        public var feed: String
        public var title: String
        public var link: String?
        /// Text fingerprint (``SimHash``).
        public var simhash: UInt64
        /// Canonical names of the countries, organisations and people it mentions.
        public var entities: [String]
        /// Its event frames.
        public var frames: [Frame]
        /// Who backs it: the feed and the media/claimants it cites.
        public var sources: [String]

        /// Creates a report.
        public init(itemID: String, feed: String, title: String, link: String? = nil, simhash: UInt64, entities: [String], frames: [Frame], sources: [String]) {
            self.itemID = itemID
            self.feed = feed
            self.title = title
            self.link = link
            self.simhash = simhash
            self.entities = entities
            self.frames = frames
            self.sources = sources
        }
    }

    /// The part of an event frame a story compares.
    public struct Frame: Sendable, Hashable, Codable {
        public var type: String
        public var actor: String?
        public var destination: String?
        public var count: Double?
        public var assets: [String]

        /// Creates a frame.
        public init(type: String, actor: String?, destination: String?, count: Double?, assets: [String]) {
            self.type = type
            self.actor = actor
            self.destination = destination
            self.count = count
            self.assets = assets
        }

        /// `deployment North Korea → Russia`: the key escalation is tracked under.
        public var key: String? {
            guard let actor, let destination else { return nil }
            return "\(type) \(actor) → \(destination)"
        }
    }

    /// A reference to a report, for citations.
    public struct Citation: Sendable, Hashable, Codable {
        public var itemID: String
        public var feed: String
        public var title: String
        public var link: String?
    }

    /// What the tracker knows of one story.
    public struct Story: Sendable, Hashable, Codable {
        public var key: String
        public var watch: String
        public var simhashes: [UInt64]
        public var entities: [String]
        public var frameKeys: [String]
        public var sources: [String]
        public var firstSeen: Double
        public var lastSeen: Double
        public var lastAlert: Double
        /// Per frame key: the highest count so far and the report that stated it.
        public var maxCounts: [String: Double]
        public var maxCountCitations: [String: Citation]
        /// Per frame key: the asset kinds reported so far, and the first report of the frame.
        public var assets: [String: [String]]
        public var firstCitations: [String: Citation]
    }

    /// What a report means for its story.
    public enum Outcome: Sendable, Hashable {
        /// A new story (or one whose cooldown has passed): raise an alert.
        case alert(story: String)
        /// Another report of a story alerted within the cooldown.
        case corroboration(story: String, newSources: [String], newFacts: [String])
        /// A higher count or a new kind of asset for one of the story's frames.
        case escalation(story: String, what: String, previous: Citation, current: Citation)
    }

    /// Stories by key.
    public private(set) var stories: [String: Story]
    /// How long a story stays open to new reports, in seconds.
    public var window: Double
    /// Most stories kept (the least recently seen are dropped first).
    public var maxStories: Int
    /// SimHash bits two reports of one story may differ in.
    public var maxDistance: Int
    /// Candidate lookup: story keys by SimHash band (six bands of 10–11 bits: two fingerprints
    /// within 5 bits always share a band) and by event frame key, so filing a report looks at
    /// a few stories, not all of them.
    var bandIndex: [Int: Set<String>] = [:]
    /// Story keys by frame key, most recently reported last (may hold stale keys: checked
    /// against ``probes``). A busy frame (one actor → destination reported all day) is only
    /// searched among its most recent ``frameCandidates`` stories.
    var frameIndex: [String: [String]] = [:]
    static let frameCandidates = 32
    /// Stream time of the last expiry pass (expiry runs at most once a minute).
    var lastExpiry = -Double.infinity
    /// What matching needs of each story, as plain values (no reference counting while
    /// candidates are checked): watch list, last report time, fingerprints.
    var probes: [String: Probe] = [:]

    struct Probe {
        var watch: String
        var lastSeen: Double
        var hashes: [UInt64]
    }

    /// Creates a tracker over stories loaded from the state store.
    public init(stories: [Story] = [], window: Double = 72 * 3600, maxStories: Int = 5000, maxDistance: Int = 12) {
        self.stories = Dictionary(stories.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.window = window
        self.maxStories = maxStories
        self.maxDistance = maxDistance
        for story in self.stories.values { index(story) }
    }

    static let bandShifts: [UInt64] = [0, 11, 22, 33, 44, 54]

    static func bands(_ simhash: UInt64) -> [Int] {
        bandShifts.enumerated().map { band, shift in band << 16 | Int((simhash >> shift) & 0x7FF) }
    }

    mutating func index(_ story: Story) {
        probes[story.key] = Probe(watch: story.watch, lastSeen: story.lastSeen, hashes: story.simhashes)
        for simhash in story.simhashes { for band in Self.bands(simhash) { bandIndex[band, default: []].insert(story.key) } }
        for key in story.frameKeys { frameIndex[key, default: []].append(story.key) }
    }

    mutating func unindex(_ story: Story) {
        probes[story.key] = nil
        for simhash in story.simhashes { for band in Self.bands(simhash) { bandIndex[band]?.remove(story.key) } }
        // Frame lists are pruned lazily (``compactFrameIndex()``).
    }

    /// Files `report` for `watch` at time `now` (seconds since 1970) with the watch list's
    /// `cooldown`; returns what to record and the story it changed.
    public mutating func observe(_ report: Report, watch: String, cooldown: Double, now: Double) -> (outcomes: [Outcome], story: Story) {
        expire(now: now)
        let citation = Citation(itemID: report.itemID, feed: report.feed, title: report.title, link: report.link)
        // Taken out of the dictionary while it changes, so its arrays are updated in place.
        guard let matched = matchingStory(report, watch: watch, now: now)?.key, var story = stories.removeValue(forKey: matched) else {
            let key = StoryTracker.key(watch: watch, report: report)
            var story = Story(key: key, watch: watch, simhashes: [report.simhash], entities: report.entities, frameKeys: [],
                              sources: report.sources.sorted(), firstSeen: now, lastSeen: now, lastAlert: now,
                              maxCounts: [:], maxCountCitations: [:], assets: [:], firstCitations: [:])
            absorbFrames(report, into: &story, citation: citation)
            stories[key] = story
            index(story)
            trim()
            return ([.alert(story: key)], story)
        }
        var outcomes: [Outcome] = []
        var newFacts: [String] = []
        for frame in report.frames {
            guard let key = frame.key else { continue }
            if let count = frame.count, let previous = story.maxCounts[key], count > previous, let cited = story.maxCountCitations[key] {
                outcomes.append(.escalation(story: story.key, what: "\(key): \(Self.number(count)) \(frame.assets.first ?? "") after \(Self.number(previous))",
                                            previous: cited, current: citation))
            }
            let known = story.assets[key] ?? []
            if !known.isEmpty, let first = story.firstCitations[key] {
                for asset in frame.assets where !known.contains(asset) {
                    outcomes.append(.escalation(story: story.key, what: "\(key): now \(asset) as well as \(known.joined(separator: ", "))", previous: first, current: citation))
                }
            }
            if story.maxCounts[key] == nil, let count = frame.count { newFacts.append("\(key): \(Self.number(count))") }
            if !story.frameKeys.contains(key) { newFacts.append(key) }
        }
        let newSources = report.sources.filter { !story.sources.contains($0) }.sorted()
        if now - story.lastAlert >= cooldown {
            outcomes.insert(.alert(story: story.key), at: 0)
            story.lastAlert = now
        } else if outcomes.isEmpty {
            outcomes.append(.corroboration(story: story.key, newSources: newSources, newFacts: newFacts))
        }
        for source in report.sources where !story.sources.contains(source) { story.sources.append(source) }
        story.sources.sort()
        for entity in report.entities where !story.entities.contains(entity) { story.entities.append(entity) }
        story.entities.sort()
        if story.simhashes.count < 8, !story.simhashes.contains(report.simhash) {
            story.simhashes.append(report.simhash)
            for band in Self.bands(report.simhash) { bandIndex[band, default: []].insert(story.key) }
        }
        story.lastSeen = now
        probes[story.key] = Probe(watch: story.watch, lastSeen: now, hashes: story.simhashes)
        let knownFrames = Set(story.frameKeys)
        absorbFrames(report, into: &story, citation: citation)
        for key in story.frameKeys where !knownFrames.contains(key) { frameIndex[key, default: []].append(story.key) }
        stories[story.key] = story
        return (outcomes, story)
    }

    func matchingStory(_ report: Report, watch: String, now: Double) -> Story? {
        let reportKeys = Set(report.frames.compactMap(\.key))
        let reportEntities = Set(report.entities)
        var best: Story?
        var bestDistance = Int.max
        var candidates: [String] = []
        for band in Self.bands(report.simhash) { if let keys = bandIndex[band] { candidates.append(contentsOf: keys) } }
        for key in reportKeys {
            guard let keys = frameIndex[key] else { continue }
            var taken = 0
            for candidate in keys.reversed() where probes[candidate] != nil {
                candidates.append(candidate)
                taken += 1
                if taken == Self.frameCandidates { break }
            }
        }
        var visited = Set<String>()
        for key in candidates where visited.insert(key).inserted {
            guard let probe = probes[key], probe.watch == watch, now - probe.lastSeen <= window else { continue }
            var distance = 64
            for h in probe.hashes { distance = min(distance, SimHash.distance(h, report.simhash)) }
            var same = distance <= maxDistance
            if !same && reportKeys.isEmpty { continue }
            guard let story = stories[key] else { continue }
            if !same, !reportKeys.isDisjoint(with: story.frameKeys) {
                // The same frame stated in other words: needs most entities in common too.
                let shared = reportEntities.intersection(story.entities).count
                let union = reportEntities.union(story.entities).count
                same = union > 0 && Double(shared) / Double(union) >= 0.5
            }
            if same, distance < bestDistance || best == nil {
                best = story
                bestDistance = distance
            }
        }
        return best
    }

    func absorbFrames(_ report: Report, into story: inout Story, citation: Citation) {
        for frame in report.frames {
            guard let key = frame.key else { continue }
            if !story.frameKeys.contains(key) { story.frameKeys.append(key) }
            if story.firstCitations[key] == nil { story.firstCitations[key] = citation }
            if let count = frame.count, count > (story.maxCounts[key] ?? -1) {
                story.maxCounts[key] = count
                story.maxCountCitations[key] = citation
            }
            var assets = story.assets[key] ?? []
            for asset in frame.assets where !assets.contains(asset) { assets.append(asset) }
            story.assets[key] = assets
        }
    }

    mutating func expire(now: Double) {
        guard now - lastExpiry >= 60 else { return }
        lastExpiry = now
        for (key, probe) in probes where now - probe.lastSeen > window {
            if let story = stories.removeValue(forKey: key) { unindex(story) }
        }
    }

    /// Drops keys of stories that are gone, and repeats, from the frame lists.
    mutating func compactFrameIndex() {
        for (frame, keys) in frameIndex {
            var seen = Set<String>()
            let kept = keys.reversed().filter { probes[$0] != nil && seen.insert($0).inserted }.reversed()
            if kept.isEmpty { frameIndex[frame] = nil } else { frameIndex[frame] = Array(kept) }
        }
    }

    /// Drops the least recently seen stories once there are a tenth more than allowed.
    mutating func trim() {
        guard stories.count > maxStories + maxStories / 10 else { return }
        defer { compactFrameIndex() }
        let oldest = probes.map { ($0.key, $0.value.lastSeen) }.sorted { $0.1 < $1.1 }.prefix(stories.count - maxStories)
        for (key, _) in oldest {
            if let story = stories.removeValue(forKey: key) { unindex(story) }
        }
    }

    /// A story's key: stable for its first report.
    static func key(watch: String, report: Report) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in (watch + "\u{1F}" + report.feed + "\u{1F}" + report.itemID).utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        // 15 hex digits (60 bits): short enough for Swift's inline strings.
        let hex = String(h >> 4, radix: 16)
        return String(repeating: "0", count: 15 - hex.count) + hex
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension StoryTracker.Report {
    /// The report of one analysed and recognized item.
    public init(itemID: String, feed: String, title: String, link: String?, extraction: Extraction) {
        let named: Set<Entity.Kind> = [.country, .organization, .person, .capital, .seat]
        self.init(
            itemID: itemID, feed: feed, title: title, link: link, simhash: SimHash.of(extraction.tokens),
            entities: Array(Set(extraction.entities.filter { named.contains($0.type) }.map(\.name))).sorted(),
            frames: extraction.events.map { e in
                StoryTracker.Frame(type: e.type.rawValue, actor: e.actor, destination: e.destination, count: e.count,
                                   assets: Array(Set(e.assets.map(\.what))).sorted())
            },
            sources: Array(Set([feed] + extraction.attributions.map(\.name) + extraction.events.compactMap(\.claimedBy))).sorted()
        )
    }
}
