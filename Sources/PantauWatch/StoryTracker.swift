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
        /// The item's id (what records cite).
        public var itemID: String
        /// The feed it came from.
        public var feed: String
        /// The item's title.
        public var title: String
        /// The item's link, if it has one.
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
        /// The kind of event (`deployment`, `escalation`, …).
        public var type: String
        /// Who acts (a canonical entity name), if known.
        public var actor: String?
        /// Where to, if known.
        public var destination: String?
        /// How many (troops, ships, …), if stated.
        public var count: Double?
        /// The kinds of asset named (`troops`, `warships`, …).
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
        /// The cited item's id.
        public var itemID: String
        /// Its feed.
        public var feed: String
        /// Its title.
        public var title: String
        /// Its link, if it has one.
        public var link: String?
    }

    /// What the tracker knows of one story.
    public struct Story: Sendable, Hashable, Codable {
        /// The story's stable key (alert lines carry it).
        public var key: String
        /// The watch list it belongs to.
        public var watch: String
        /// Fingerprints of its reports' texts.
        public var simhashes: [UInt64]
        /// Canonical names its reports mention.
        public var entities: [String]
        /// Keys of its event frames (``Frame/key``).
        public var frameKeys: [String]
        /// Feeds and media that reported it.
        public var sources: [String]
        /// When its first report arrived (on the clock ``observe(_:watch:cooldown:now:)`` is given).
        public var firstSeen: Double
        /// When its latest report arrived.
        public var lastSeen: Double
        /// When it last raised an alert (its cooldown runs from here).
        public var lastAlert: Double
        /// Per frame key: the highest count so far.
        public var maxCounts: [String: Double]
        /// Per frame key: the report that stated the highest count.
        public var maxCountCitations: [String: Citation]
        /// Per frame key: the asset kinds reported so far.
        public var assets: [String: [String]]
        /// Per frame key: the first report of the frame.
        public var firstCitations: [String: Citation]
        /// Fingerprints of the feeds and texts filed (``StoryTracker/fingerprint(feed:simhash:)``),
        /// the newest last, at most ``StoryTracker/maxFiled``: a feed that files the same text
        /// again (an item republished under a new id) brings nothing new.
        public var filed: [UInt64] = []
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
    /// Watch list names as small integers (the slots compare these, not strings).
    var watchIDs: [String: Int32] = [:]
    /// Each indexed story has a slot: what matching needs of it lives in flat arrays (no
    /// reference counting or string hashing while candidates are checked).
    var slotOf: [String: Int32] = [:]
    var slotKey: [String] = []
    var slotWatch: [Int32] = []
    var slotLastSeen: [Double] = []
    /// Up to ``maxHashes`` fingerprints per slot, `slot * maxHashes ..< … + slotHashCount`.
    var slotHashes: [UInt64] = []
    var slotHashCount: [Int] = []
    /// Bumped when a slot is freed: frame index entries of the old story no longer match.
    var slotGeneration: [UInt32] = []
    var freeSlots: [Int32] = []
    /// Per slot, the call of ``matchingStory`` that last looked at it.
    var visited: [UInt32] = []
    var visitStamp: UInt32 = 0
    /// Candidate lookup: slots by SimHash band (six bands of 10–11 bits: two fingerprints
    /// within 5 bits always share a band; bucket `band << 11 | bits`) and by event frame key,
    /// so filing a report looks at a few stories, not all of them.
    var bandIndex = [[Int32]](repeating: [], count: 6 << 11)
    /// Slot and generation (`generation << 32 | slot`) by frame key, most recently reported
    /// last (may hold entries of stories that are gone: checked against ``slotGeneration``).
    /// A busy frame (one actor → destination reported all day) is only searched among its
    /// most recent ``frameCandidates`` stories.
    var frameIndex: [String: [UInt64]] = [:]
    static let frameCandidates = 32
    /// Entries in ``frameIndex``, live or not: compacted after a trim when there are more
    /// than two per kept story (bounds the index by the story cap).
    var frameEntries = 0
    static let maxHashes = 8
    /// Frame keys, names and sources one story keeps at most: a hostile feed's items of
    /// thousands of frames would otherwise grow one story's record by megabytes (stored, and
    /// saved again whenever it changes). Real stories hold a handful of frames and a few dozen
    /// names and outlets.
    static let maxFrameKeys = 64, maxEntities = 200, maxSources = 200
    /// Feed-and-text fingerprints one story remembers.
    static let maxFiled = 32

    /// One feed's text: FNV-1a over the feed's name, mixed with the text's SimHash. The same
    /// text from another feed (syndication) has another fingerprint.
    static func fingerprint(feed: String, simhash: UInt64) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in feed.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return (hash ^ simhash) &* 0x9E37_79B9_7F4A_7C15
    }
    /// Stream time of the last expiry pass (expiry runs at most once a minute).
    var lastExpiry = -Double.infinity

    /// Stories kept by default.
    public static let defaultMaxStories = 5000

    /// Creates a tracker over stories loaded from the state store.
    public init(stories: [Story] = [], window: Double = 72 * 3600, maxStories: Int = StoryTracker.defaultMaxStories, maxDistance: Int = 12) {
        self.stories = Dictionary(stories.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        self.window = window
        self.maxStories = maxStories
        self.maxDistance = maxDistance
        for story in self.stories.values { index(story) }
    }

    static let bandShifts: [UInt64] = [0, 11, 22, 33, 44, 54]

    @inline(__always)
    static func bucket(_ simhash: UInt64, band: Int) -> Int {
        band << 11 | Int((simhash >> bandShifts[band]) & 0x7FF)
    }

    mutating func watchID(_ watch: String) -> Int32 {
        if let id = watchIDs[watch] { return id }
        let id = Int32(watchIDs.count)
        watchIDs[watch] = id
        return id
    }

    mutating func index(_ story: Story, watch: Int32? = nil) {
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
            slotKey[slot] = story.key
        } else {
            slot = slotKey.count
            slotKey.append(story.key)
            slotWatch.append(0)
            slotLastSeen.append(0)
            slotHashes.append(contentsOf: repeatElement(0, count: Self.maxHashes))
            slotHashCount.append(0)
            slotGeneration.append(0)
            visited.append(0)
        }
        slotOf[story.key] = Int32(slot)
        slotWatch[slot] = watch ?? watchID(story.watch)
        slotLastSeen[slot] = story.lastSeen
        slotHashCount[slot] = 0
        for simhash in story.simhashes.prefix(Self.maxHashes) { addHash(simhash, slot: slot) }
        let entry = UInt64(slotGeneration[slot]) << 32 | UInt64(slot)
        for key in story.frameKeys { frameIndex[key, default: []].append(entry) }
        frameEntries += story.frameKeys.count
    }

    mutating func addHash(_ simhash: UInt64, slot: Int) {
        slotHashes[slot * Self.maxHashes + slotHashCount[slot]] = simhash
        slotHashCount[slot] += 1
        for band in 0..<6 { bandIndex[Self.bucket(simhash, band: band)].append(Int32(slot)) }
    }

    mutating func unindex(_ key: String) {
        guard let s = slotOf.removeValue(forKey: key) else { return }
        let slot = Int(s)
        for h in 0..<slotHashCount[slot] {
            let simhash = slotHashes[slot * Self.maxHashes + h]
            for band in 0..<6 {
                let bucket = Self.bucket(simhash, band: band)
                if let i = bandIndex[bucket].firstIndex(of: s) { bandIndex[bucket].remove(at: i) }
            }
        }
        slotHashCount[slot] = 0
        slotKey[slot] = ""
        slotWatch[slot] = -1
        slotGeneration[slot] &+= 1
        freeSlots.append(s)
        // Frame lists are pruned lazily (``compactFrameIndex()``).
    }

    /// Files `report` for `watch` at time `now` (seconds since 1970) with the watch list's
    /// `cooldown`; returns what to record and the story it changed.
    public mutating func observe(_ report: Report, watch: String, cooldown: Double, now: Double) -> (outcomes: [Outcome], story: Story) {
        expire(now: now)
        let citation = Citation(itemID: report.itemID, feed: report.feed, title: report.title, link: report.link)
        // Taken out of the dictionary while it changes, so its arrays are updated in place.
        let id = watchID(watch)
        guard let slot = matchingStory(report, watch: id, now: now), var story = stories.removeValue(forKey: slotKey[slot]) else {
            let key = StoryTracker.key(watch: watch, report: report)
            var story = Story(key: key, watch: watch, simhashes: [report.simhash], entities: Array(report.entities.prefix(Self.maxEntities)), frameKeys: [],
                              sources: Array(report.sources.sorted().prefix(Self.maxSources)), firstSeen: now, lastSeen: now, lastAlert: now,
                              maxCounts: [:], maxCountCitations: [:], assets: [:], firstCitations: [:],
                              filed: [Self.fingerprint(feed: report.feed, simhash: report.simhash)])
            absorbFrames(report, into: &story, citation: citation)
            if slotOf[key] != nil { unindex(key) }
            stories[key] = story
            index(story, watch: id)
            trim()
            return ([.alert(story: key)], story)
        }
        var outcomes: [Outcome] = []
        var newFacts: [String] = []
        let fingerprint = Self.fingerprint(feed: report.feed, simhash: report.simhash)
        // Membership by hash: a hostile item may bring thousands of frames, names and sources.
        let knownFrames = Set(story.frameKeys)
        for frame in report.frames {
            guard let key = frame.key else { continue }
            if let count = frame.count, let previous = story.maxCounts[key], count > previous, let cited = story.maxCountCitations[key] {
                outcomes.append(.escalation(story: story.key, what: "\(key): \(count.plainText) \(frame.assets.first ?? "") after \(previous.plainText)",
                                            previous: cited, current: citation))
            }
            let known = story.assets[key] ?? []
            if !known.isEmpty, let first = story.firstCitations[key] {
                for asset in frame.assets where !known.contains(asset) {
                    outcomes.append(.escalation(story: story.key, what: "\(key): now \(asset) as well as \(known.joined(separator: ", "))", previous: first, current: citation))
                }
            }
            if story.maxCounts[key] == nil, let count = frame.count { newFacts.append("\(key): \(count.plainText)") }
            if !knownFrames.contains(key) { newFacts.append(key) }
        }
        let knownSources = Set(story.sources)
        let newSources = report.sources.filter { !knownSources.contains($0) }.sorted()
        if now - story.lastAlert >= cooldown {
            outcomes.insert(.alert(story: story.key), at: 0)
            story.lastAlert = now
        } else if outcomes.isEmpty {
            // A feed filing a text it filed before, with no source or fact the story lacks (an
            // item republished under a new id), records nothing; any other report corroborates.
            let republished = newSources.isEmpty && newFacts.isEmpty && story.filed.contains(fingerprint)
            if !republished { outcomes.append(.corroboration(story: story.key, newSources: newSources, newFacts: newFacts)) }
        }
        if !story.filed.contains(fingerprint) {
            story.filed.append(fingerprint)
            if story.filed.count > Self.maxFiled { story.filed.removeFirst(story.filed.count - Self.maxFiled) }
        }
        if !newSources.isEmpty, story.sources.count < Self.maxSources {
            story.sources += newSources.prefix(Self.maxSources - story.sources.count)
            story.sources.sort()
        }
        let knownEntities = Set(story.entities)
        let newEntities = report.entities.filter { !knownEntities.contains($0) }
        if !newEntities.isEmpty, story.entities.count < Self.maxEntities {
            story.entities += newEntities.prefix(Self.maxEntities - story.entities.count)
            story.entities.sort()
        }
        if story.simhashes.count < Self.maxHashes, !story.simhashes.contains(report.simhash) {
            story.simhashes.append(report.simhash)
            addHash(report.simhash, slot: slot)
        }
        story.lastSeen = now
        slotLastSeen[slot] = now
        absorbFrames(report, into: &story, citation: citation)
        let entry = UInt64(slotGeneration[slot]) << 32 | UInt64(slot)
        for key in story.frameKeys where !knownFrames.contains(key) {
            frameIndex[key, default: []].append(entry)
            frameEntries += 1
        }
        stories[story.key] = story
        return (outcomes, story)
    }

    /// The slot of the story `report` belongs to, if any: the closest fingerprint among
    /// stories of the same watch list seen within the window, or the same frame with most
    /// entities in common.
    mutating func matchingStory(_ report: Report, watch: Int32, now: Double) -> Int? {
        visitStamp &+= 1
        if visitStamp == 0 {
            for i in visited.indices { visited[i] = 0 }
            visitStamp = 1
        }
        let reportKeys = report.frames.compactMap(\.key)
        let reportKeySet = Set(reportKeys)
        var reportEntities: Set<String>?
        var best: Int?
        var bestDistance = Int.max
        func consider(_ slot: Int) {
            guard visited[slot] != visitStamp else { return }
            visited[slot] = visitStamp
            guard slotWatch[slot] == watch, now - slotLastSeen[slot] <= window else { return }
            var distance = 64
            for h in 0..<slotHashCount[slot] { distance = min(distance, SimHash.distance(slotHashes[slot * Self.maxHashes + h], report.simhash)) }
            var same = distance <= maxDistance
            if !same {
                guard !reportKeys.isEmpty, let story = stories[slotKey[slot]], story.frameKeys.contains(where: reportKeySet.contains) else { return }
                // The same frame stated in other words: needs most entities in common too.
                if reportEntities == nil { reportEntities = Set(report.entities) }
                let shared = reportEntities!.intersection(story.entities).count
                let union = reportEntities!.union(story.entities).count
                same = union > 0 && Double(shared) / Double(union) >= 0.5
            }
            if same, distance < bestDistance || best == nil {
                best = slot
                bestDistance = distance
            }
        }
        for band in 0..<6 {
            for slot in bandIndex[Self.bucket(report.simhash, band: band)] { consider(Int(slot)) }
        }
        for key in reportKeySet {
            guard let entries = frameIndex[key] else { continue }
            var taken = 0
            for entry in entries.reversed() {
                let slot = Int(entry & 0xFFFF_FFFF)
                guard UInt32(entry >> 32) == slotGeneration[slot], slotWatch[slot] >= 0 else { continue }
                consider(slot)
                taken += 1
                if taken == Self.frameCandidates { break }
            }
        }
        return best
    }

    func absorbFrames(_ report: Report, into story: inout Story, citation: Citation) {
        var known = Set(story.frameKeys)
        for frame in report.frames {
            // Past the story's bound, new frames are not tracked (nor their counts and assets).
            guard let key = frame.key, known.contains(key) || known.count < Self.maxFrameKeys else { continue }
            if known.insert(key).inserted { story.frameKeys.append(key) }
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
        for slot in slotKey.indices where slotWatch[slot] >= 0 && now - slotLastSeen[slot] > window {
            let key = slotKey[slot]
            stories[key] = nil
            unindex(key)
        }
    }

    /// Drops entries of stories that are gone, and repeats, from the frame lists.
    mutating func compactFrameIndex() {
        for (frame, entries) in frameIndex {
            var seen = Set<UInt64>()
            let kept = entries.reversed().filter { entry in
                let slot = Int(entry & 0xFFFF_FFFF)
                return UInt32(entry >> 32) == slotGeneration[slot] && slotWatch[slot] >= 0 && seen.insert(entry).inserted
            }.reversed()
            if kept.isEmpty { frameIndex[frame] = nil } else { frameIndex[frame] = Array(kept) }
        }
        frameEntries = frameIndex.values.reduce(0) { $0 + $1.count }
    }

    /// Drops the least recently seen stories once there are a tenth more than allowed.
    mutating func trim() {
        guard stories.count > maxStories + maxStories / 10 else { return }
        defer { if frameEntries > 2 * stories.count + 1024 { compactFrameIndex() } }
        // The cut-off time: the excess-th oldest last report (ties are dropped together).
        let excess = stories.count - maxStories
        var times: [Double] = []
        times.reserveCapacity(stories.count)
        for slot in slotKey.indices where slotWatch[slot] >= 0 { times.append(slotLastSeen[slot]) }
        times.sort()
        let cutoff = times[excess - 1]
        for slot in slotKey.indices where slotWatch[slot] >= 0 && slotLastSeen[slot] <= cutoff {
            let key = slotKey[slot]
            stories[key] = nil
            unindex(key)
        }
    }

    /// A story's key: stable for its first report.
    static func key(watch: String, report: Report) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for (n, part) in [watch, report.feed, report.itemID].enumerated() {
            if n > 0 { h = (h ^ 0x1F) &* 0x100_0000_01b3 }
            for b in part.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        // 15 hex digits (60 bits): short enough for Swift's inline strings.
        let hex = String(h >> 4, radix: 16)
        return String(repeating: "0", count: 15 - hex.utf8.count) + hex
    }
}

extension StoryTracker.Report {
    /// Entity kinds that say what a story is about.
    static func named(_ kind: Entity.Kind) -> Bool {
        switch kind {
        case .country, .organization, .person, .capital, .seat: true
        default: false
        }
    }

    /// The report of one analysed and recognized item.
    public init(itemID: String, feed: String, title: String, link: String?, extraction: Extraction) {
        var sources = [feed]
        for a in extraction.attributions { sources.append(a.name) }
        for e in extraction.events { if let c = e.claimedBy { sources.append(c) } }
        self.init(
            itemID: itemID, feed: feed, title: title, link: link, simhash: SimHash.of(extraction.tokens),
            entities: Self.sortedUnique(extraction.entities.compactMap { Self.named($0.type) ? $0.name : nil }),
            frames: extraction.events.map { e in
                StoryTracker.Frame(type: e.type.rawValue, actor: e.actor, destination: e.destination, count: e.count,
                                   assets: Self.sortedUnique(e.assets.map(\.what)))
            },
            sources: Self.sortedUnique(sources)
        )
    }

    /// `values` sorted, each once.
    static func sortedUnique(_ values: [String]) -> [String] {
        guard values.count > 1 else { return values }
        var sorted = values.sorted()
        var kept = 1
        for i in 1..<sorted.count where sorted[i] != sorted[kept - 1] {
            sorted.swapAt(i, kept)
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
