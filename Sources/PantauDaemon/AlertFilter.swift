import Foundation
import PantauFeeds
import PantauWatch

/// Which alerts `pantau alerts` shows. Pure.
public struct AlertFilter: Sendable {
    /// Only alerts raised at or after this time.
    public var since: Date?
    /// Only this watch list.
    public var watch: String?
    /// Only this severity or higher.
    public var minimumSeverity: Severity?

    /// Creates a filter.
    public init(since: Date? = nil, watch: String? = nil, minimumSeverity: Severity? = nil) {
        self.since = since
        self.watch = watch
        self.minimumSeverity = minimumSeverity
    }

    /// True when `record` passes.
    public func accepts(_ record: AlertRecord) -> Bool {
        if let watch, record.watch != watch { return false }
        if let minimumSeverity {
            guard let severity = Severity(rawValue: record.severity), severity >= minimumSeverity else { return false }
        }
        if let since {
            guard let time = FeedDate.parse(record.time), time >= since else { return false }
        }
        return true
    }

    /// Parses `--since`: a duration back from `now` (`90s`, `30m`, `2h`, `7d`), a date
    /// (`2026-11-27`, midnight UTC) or an RFC 3339 time. Nil when it is neither.
    public static func parseSince(_ text: String, now: Date) -> Date? {
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86_400, "w": 604_800]
        if let unit = text.last, let multiplier = units[unit], let amount = Double(text.dropLast()), amount >= 0 {
            return now.addingTimeInterval(-amount * multiplier)
        }
        return FeedDate.parse(text)
    }
}
