import PantauExtractor
/// One line of the alerts log (JSON Lines). Field names are a contract with operators'
/// tools: extend, never rename without bumping ``schema``. See `docs/alerts.md`.
public struct AlertRecord: Codable, Sendable, Equatable {
    /// The feed an alert came from.
    public struct FeedRef: Codable, Sendable, Equatable {
        /// Configured feed name.
        public var name: String
        /// Configured feed URL.
        public var url: String
    }

    /// The item that fired.
    public struct ItemRef: Codable, Sendable, Equatable {
        /// The item's identity in its feed.
        public var id: String
        /// Title, plain text.
        public var title: String
        /// Link to the article, when the feed gave one.
        public var link: String?
        /// Publication time (RFC 3339, UTC) when parseable.
        public var published: String?
    }

    /// One phrase occurrence.
    public struct Match: Codable, Sendable, Equatable {
        /// The watch phrase as written.
        public var term: String
        /// The words as they appear in the item.
        public var text: String
        /// The sentence holding them.
        public var sentence: String
    }

    /// An entity of the item as the extractor found it, without byte offsets (they point into
    /// the analysed text, which the alert does not carry).
    public struct EntitySummary: Codable, Sendable, Equatable {
        /// Canonical English name.
        public var name: String
        /// `country`, `capital`, `seat`, `city`, `territory`, `organization`, `media`, `person`.
        public var type: String
        /// A person's role, when known.
        public var role: String?
        /// The country or organisation the entity belongs to or stands for.
        public var affiliation: String?
        /// Distinct surface forms in the item.
        public var aliases: [String]
        /// How many times the item mentions it.
        public var mentions: Int

        /// A summary from its parts.
        init(name: String, type: String, role: String?, affiliation: String?, aliases: [String], mentions: Int) {
            self.name = name
            self.type = type
            self.role = role
            self.affiliation = affiliation
            self.aliases = aliases
            self.mentions = mentions
        }

        /// The summary of an extracted entity.
        public init(_ entity: Entity) {
            name = entity.name
            type = entity.type.rawValue
            role = entity.role
            affiliation = entity.affiliation
            aliases = entity.aliases
            mentions = entity.mentions.count
        }
    }

    /// Record layout version.
    public var schema: Int
    /// Stable id: a hash of feed name, item id and watch name.
    public var alertID: String
    /// When Pantau raised the alert (RFC 3339, UTC).
    public var time: String
    /// Watch list name.
    public var watch: String
    /// `low`, `medium`, `high` or `critical`.
    public var severity: String
    /// Source feed.
    public var feed: FeedRef
    /// The item.
    public var item: ItemRef
    /// Detected (or configured) language: `id`, `en` or `other`.
    public var language: String
    /// Every phrase occurrence that made the watch fire.
    public var matches: [Match]
    /// The sentence that best shows why the watch fired.
    public var evidence: String
    /// The extractor's entities in the item (absent in records written before v0.2).
    public var entities: [EntitySummary]?
    /// How many more entities the item names than the record lists (absent when none).
    public var entitiesOmitted: Int?
    /// The extractor's deployment and escalation frames in the item.
    public var events: [EventFrame]?
    /// How many more frames the item holds than the record lists (absent when none).
    public var eventsOmitted: Int?
    /// Why the alert has its severity: the base, then each boost (absent before v0.2).
    public var severityReasons: [String]?
    /// `alert` (absent in older records), `corroboration` (another report of a story already
    /// alerted) or `escalation` (a higher count or a new kind of asset in a story).
    public var kind: String?
    /// The story the item belongs to.
    public var story: String?
    /// For corroborations: new sources and new facts; for escalations: what escalated.
    public var details: [String]?
    /// For escalations: the earlier report and this one.
    public var cites: [Citation]?

    /// A report a record cites.
    public struct Citation: Codable, Sendable, Equatable {
        /// The item's identity in its feed.
        public var id: String
        /// The feed it came from.
        public var feed: String
        /// Its title.
        public var title: String
        /// Its link.
        public var link: String?
    }

    enum CodingKeys: String, CodingKey {
        case schema
        case alertID = "alert_id"
        case time, watch, severity, feed, item, language, matches, evidence, entities, events
        case entitiesOmitted = "entities_omitted", eventsOmitted = "events_omitted"
        case severityReasons = "severity_reasons"
        case kind, story, details, cites
    }
}
