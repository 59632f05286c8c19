import PantauExtractor

/// A watch list as the operator wrote it: phrases, conditions on what the extractor found,
/// a severity with its boosts, and where it applies. See `pantau.toml(5)` and `docs/rules.md`.
///
/// The list fires when, within its ``fields`` (and one sentence when ``sameSentence``):
/// at least one `any` phrase, language-specific phrase or ``near`` rule matches (or there is
/// none of those), every `all` phrase matches, no `none` phrase matches, the weighted terms
/// reach the ``threshold`` (when set), and the ``conditions`` hold. A list with no phrases and
/// no conditions never fires.
public struct WatchDefinition: Sendable, Hashable {
    /// Where in an item a phrase may match.
    public enum Field: String, Sendable, Hashable, CaseIterable {
        /// The item's title.
        case title
        /// Its summary or content.
        case body
    }

    /// Unique name, used in alerts (`troop-deployment`).
    public var name: String
    /// Base severity of alerts from this list.
    public var severity: Severity
    /// Phrases of which at least one must occur.
    public var any: [String]
    /// Phrases that must all occur.
    public var all: [String]
    /// Phrases that veto the alert.
    public var none: [String]
    /// Indonesian roots this list adds to the stemmer's lexicon (`bajak`, so `membajak`
    /// stems to it). They apply to every document and every watch list.
    public var roots: [String]
    /// `any`-like phrases that count only in documents of one language (`any_id`, `any_en`).
    public var anyByLanguage: [Language: [String]]
    /// Word sets that must occur within a distance, in any order, in one sentence.
    public var near: [NearRule]
    /// All matches that make the list fire must share one sentence.
    public var sameSentence: Bool
    /// Where phrases count (default: title and body).
    public var fields: Set<Field>
    /// Weighted terms (phrase → weight); with ``threshold``, the distinct terms found must
    /// weigh at least that much.
    public var weights: [String: Double]
    /// The weight the found terms must reach, when weights are used.
    public var threshold: Double?
    /// Conditions on the extractor's findings.
    public var conditions: WatchConditions
    /// Severity boosts.
    public var boosts: SeverityBoosts
    /// Feeds this list applies to (empty: every feed).
    public var feeds: [String]
    /// Seconds after a story's alert during which further reports of it are corroborations,
    /// not new alerts (`cooldown`, default 6 hours).
    public var cooldown: Double = WatchDefinition.defaultCooldown

    /// Sinks besides the alerts log (`[[watch.sink]]`).
    public var sinks: [AlertSink] = []

    /// The default ``cooldown``: six hours.
    public static let defaultCooldown: Double = 6 * 3600

    /// Creates a watch definition.
    public init(name: String, severity: Severity, any: [String] = [], all: [String] = [], none: [String] = [], roots: [String] = [],
                anyByLanguage: [Language: [String]] = [:], near: [NearRule] = [], sameSentence: Bool = false,
                fields: Set<Field> = Set(Field.allCases), weights: [String: Double] = [:], threshold: Double? = nil,
                conditions: WatchConditions = WatchConditions(), boosts: SeverityBoosts = SeverityBoosts(), feeds: [String] = []) {
        self.name = name
        self.severity = severity
        self.any = any
        self.all = all
        self.none = none
        self.roots = roots
        self.anyByLanguage = anyByLanguage
        self.near = near
        self.sameSentence = sameSentence
        self.fields = fields
        self.weights = weights
        self.threshold = threshold
        self.conditions = conditions
        self.boosts = boosts
        self.feeds = feeds
    }

    /// True when the list has something that can make it fire.
    public var canFire: Bool {
        !any.isEmpty || !all.isEmpty || !near.isEmpty || anyByLanguage.values.contains { !$0.isEmpty }
            || threshold != nil || conditions.event != nil || !conditions.entities.isEmpty
    }

    /// True when the list needs the extractor's entities or event frames.
    public var needsRecognition: Bool { !conditions.isEmpty || boosts.countAtLeast != nil || boosts.sourcesAtLeast != nil }
}

/// Words that must occur within `distance` words of each other, in any order, in one
/// sentence (`near = [["kirim", "pasukan", 5]]`).
public struct NearRule: Sendable, Hashable {
    /// The words (each analysed like a one-word phrase).
    public var words: [String]
    /// Largest span, in words, from the first to the last.
    public var distance: Int

    /// Creates a rule.
    public init(words: [String], distance: Int) {
        self.words = words
        self.distance = distance
    }

    /// How the rule reads in explanations: `kirim NEAR/5 pasukan`.
    public var text: String { words.joined(separator: " NEAR/\(distance) ") }
}

/// Conditions on the extractor's findings. Frame conditions (`event`, `actor`,
/// `destination`, `min_count`, `hedged`) must hold for one and the same event frame.
public struct WatchConditions: Sendable, Hashable {
    /// A frame of this type must be present.
    public var event: EventFrame.Kind?
    /// The frame's actor must be one of these (canonical names).
    public var actors: [String]
    /// The frame's destination must be one of these (canonical names).
    public var destinations: [String]
    /// The frame's count must be at least this.
    public var minCount: Double?
    /// The frame's hedging must be this.
    public var hedged: Bool?
    /// One of these entities (canonical names) must be mentioned.
    public var entities: [String]
    /// The document's language must be one of these.
    public var languages: [Language]

    /// Creates conditions (none by default).
    public init(event: EventFrame.Kind? = nil, actors: [String] = [], destinations: [String] = [], minCount: Double? = nil,
                hedged: Bool? = nil, entities: [String] = [], languages: [Language] = []) {
        self.event = event
        self.actors = actors
        self.destinations = destinations
        self.minCount = minCount
        self.hedged = hedged
        self.entities = entities
        self.languages = languages
    }

    /// True when there are no conditions at all.
    public var isEmpty: Bool { self == WatchConditions() }

    /// True when a condition concerns event frames.
    public var needsFrame: Bool { event != nil || !actors.isEmpty || !destinations.isEmpty || minCount != nil || hedged != nil }
}

/// Documented severity boosts: each raises the severity one step (up to `critical`) and says why.
public struct SeverityBoosts: Sendable, Hashable {
    /// +1 when the deciding frame counts at least this many (`boost_count`).
    public var countAtLeast: Double?
    /// +1 when at least this many distinct sources back the item (`boost_sources`): media
    /// it is attributed to and quoted speakers of the frames.
    public var sourcesAtLeast: Int?

    /// Creates boosts (none by default).
    public init(countAtLeast: Double? = nil, sourcesAtLeast: Int? = nil) {
        self.countAtLeast = countAtLeast
        self.sourcesAtLeast = sourcesAtLeast
    }
}
