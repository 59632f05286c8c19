import Foundation
import PantauExtractor

/// What the daemon tells `STATUS=` and `pantau status`: feeds, last poll, alerts today,
/// failing feeds, and a reload error if the last reload was refused. Pure.
public struct DaemonCounters: Sendable, Equatable, Codable {
    /// Feeds configured.
    public var feeds = 0
    /// When the last poll finished.
    public var lastPoll: Date?
    /// Alerts raised on `day` (UTC).
    public var alertsToday = 0
    /// The UTC day `alertsToday` counts, `YYYY-MM-DD`.
    public var day = ""
    /// Feeds whose last poll failed.
    public var failing: Set<String> = []
    /// Why the last reload was refused, nil when it was accepted (or none happened).
    public var reloadError: String?

    /// Creates empty counters.
    public init() {}

    /// Counts a finished poll at `now`.
    public mutating func record(_ report: FeedReport, now: Date) {
        lastPoll = now
        let today = CivilDate(utc: now).description
        if today != day {
            day = today
            alertsToday = 0
        }
        alertsToday += report.alerts
        if report.error == nil { failing.remove(report.feed) } else { failing.insert(report.feed) }
    }

    /// The `STATUS=` line: `3 feeds, last poll 05:40:12Z, 2 alerts today, 1 failing`.
    public var statusLine: String {
        var parts = ["\(feeds) feed\(feeds == 1 ? "" : "s")"]
        parts.append(lastPoll.map { "last poll " + RFC3339.string($0).dropFirst(11) } ?? "no poll yet")
        parts.append("\(alertsToday) alert\(alertsToday == 1 ? "" : "s") today")
        parts.append("\(failing.count) failing")
        var line = parts.joined(separator: ", ")
        if let reloadError { line += "; reload refused, running on the previous config: " + reloadError }
        return line
    }
}
