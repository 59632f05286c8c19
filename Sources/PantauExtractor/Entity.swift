/// A named thing found in a document, under its canonical English name.
public struct Entity: Sendable, Hashable, Codable {
    /// What kind of thing an entity is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A state (UN members plus Taiwan, Kosovo, Palestine, Vatican City).
        case country
        /// A capital city standing for its country (`Moskow`).
        case capital
        /// A seat of power standing for its country (`Kremlin`, `Pentagon`).
        case seat
        /// Another city.
        case city
        /// A territory or region.
        case territory
        /// An organisation (NATO, PBB, TNI).
        case organization
        /// A news medium or agency.
        case media
        /// A person.
        case person
    }

    /// One place the entity is mentioned.
    public struct Mention: Sendable, Hashable, Codable {
        /// The text as written.
        public var text: String
        /// UTF-8 byte offsets in the analysed text.
        public var span: Range<Int>
    }

    /// Canonical English name (`North Korea`).
    public var name: String
    /// The kind of entity.
    public var type: Kind
    /// Every mention, in document order.
    public var mentions: [Mention]
    /// A person's role (`Spokesperson`), from a title cue or the gazetteer.
    public var role: String?
    /// The country or organisation the entity belongs to or stands for (`Russia` for
    /// `Kremlin`, `NATO` for its spokesperson).
    public var affiliation: String?

    /// The distinct surface forms, in first-seen order.
    public var aliases: [String] {
        // Entities have a handful of mentions: a linear look beats hashing every one.
        var distinct: [String] = []
        distinct.reserveCapacity(mentions.count)
        for mention in mentions where !distinct.contains(mention.text) { distinct.append(mention.text) }
        return distinct
    }

    /// Who this entity stands for in an event frame: a capital or seat stands for its country
    /// (`Kremlin` → Russia); countries, organisations and others stand for themselves.
    public var actorName: String { type == .capital || type == .seat ? (affiliation ?? name) : name }
}

extension Entity {
    enum CodingKeys: String, CodingKey {
        case name, type, role, affiliation, aliases, mentions
    }

    /// Encodes the entity with its distinct ``aliases`` next to the mentions.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(role, forKey: .role)
        try c.encodeIfPresent(affiliation, forKey: .affiliation)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(mentions, forKey: .mentions)
    }

    /// Decodes an entity (``aliases`` are derived from the mentions).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        type = try c.decode(Kind.self, forKey: .type)
        role = try c.decodeIfPresent(String.self, forKey: .role)
        affiliation = try c.decodeIfPresent(String.self, forKey: .affiliation)
        mentions = try c.decode([Mention].self, forKey: .mentions)
    }
}
