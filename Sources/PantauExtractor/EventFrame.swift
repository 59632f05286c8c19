/// Who did what to whom, in one sentence: a deployment (troops, ships, aircraft sent
/// somewhere) or an escalation (invasion, attack, a conflict worsening).
public struct EventFrame: Sendable, Hashable, Codable {
    /// The kind of event.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Forces sent, stationed, moved or prepared.
        case deployment
        /// A conflict escalating: invasion, attack, "eskalasi".
        case escalation
    }

    /// One asset named in the frame (`tujuh kapal` = 7 ships).
    public struct Asset: Sendable, Hashable, Codable {
        /// What it is (`troops`, `ships`).
        public var what: String
        /// How many, when stated.
        public var count: Double?
        /// The count is approximate.
        public var approximate: Bool
    }

    /// Deployment or escalation.
    public var type: Kind
    /// Who acts (canonical country or organisation name), when known.
    public var actor: String?
    /// Where to (canonical name), when known.
    public var destination: String?
    /// What is sent (`troops`), for deployments.
    public var what: String?
    /// How many of ``what``, when stated.
    public var count: Double?
    /// The count is approximate (`ribuan`, `sekitar 10 ribu`).
    public var approximate: Bool
    /// Every asset the sentence names with the frame.
    public var assets: [Asset]
    /// The source the claim is attributed to (a medium, a spokesperson, an agency).
    public var claimedBy: String?
    /// The text hedges the claim (`diduga`, `dikabarkan`, `reportedly`, a condition).
    public var hedged: Bool
    /// The trigger word as written (`mengirimkan`, `penempatan`).
    public var trigger: String
    /// The sentence that states it.
    public var evidence: String
    /// Index of that sentence.
    public var sentence: Int

    enum CodingKeys: String, CodingKey {
        case type, actor, destination, what, count, approximate, assets, hedged, trigger, evidence, sentence
        case claimedBy = "claimed_by"
    }
}
