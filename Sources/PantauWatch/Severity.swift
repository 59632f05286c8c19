/// How urgent an alert from a watch list is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth a look when convenient.
    case low
    /// Worth reading today.
    case medium
    /// Worth reading now.
    case high
    /// Wake someone up.
    case critical

    var rank: Int {
        switch self {
        case .low: 0
        case .medium: 1
        case .high: 2
        case .critical: 3
        }
    }

    /// One step more urgent (`critical` stays `critical`).
    public var raised: Severity {
        switch self {
        case .low: .medium
        case .medium: .high
        case .high, .critical: .critical
        }
    }

    /// Orders by urgency, `low` first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
