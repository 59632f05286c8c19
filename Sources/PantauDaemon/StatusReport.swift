import Foundation
import PantauConfig
import PantauFetch
import PantauStore

/// What `pantau status` shows, read from the state database: every configured feed's last
/// result, last success, next poll, errors in a row and items seen, and the daemon's
/// counters. Printed as a table, or as JSON for monitoring (`--json`).
public struct StatusReport: Sendable, Equatable, Codable {
    /// One configured feed.
    public struct Feed: Sendable, Equatable, Codable {
        /// The feed's name.
        public var name: String
        /// Its URL, without credentials.
        public var url: String
        /// Where permanent redirects moved it (without credentials), if they did.
        public var movedTo: String?
        /// `never polled`, `ok` or `error`.
        public var result: String
        /// The last HTTP status (0 for a local file), if polled.
        public var lastStatus: Int?
        /// Why the last poll failed, if it did.
        public var lastError: String?
        /// When it was last polled (RFC 3339).
        public var lastPoll: String?
        /// When it last succeeded (RFC 3339).
        public var lastSuccess: String?
        /// When the daemon means to poll it next (RFC 3339).
        public var nextPoll: String?
        /// Failed polls in a row.
        public var consecutiveErrors: Int
        /// Item ids remembered for it.
        public var seen: Int
    }

    /// The daemon's counters, as its last poll left them.
    public struct DaemonSummary: Sendable, Equatable, Codable {
        /// Feeds configured when it last counted.
        public var feeds: Int
        /// When its last poll finished (RFC 3339).
        public var lastPoll: String?
        /// Alerts raised on `day` (UTC).
        public var alertsToday: Int
        /// The UTC day of `alertsToday`.
        public var day: String
        /// Feeds whose last poll failed, by name.
        public var failing: [String]
        /// Why the last reload was refused, if it was.
        public var reloadError: String?
        /// The one-line summary (as systemd's `STATUS=`).
        public var summary: String
    }

    /// The state database read.
    public var state: String
    /// The daemon's counters; nil before its first poll.
    public var daemon: DaemonSummary?
    /// Alerts written to the database but not yet to the alerts log.
    public var waitingForLog: Int
    /// Every configured feed, in the configuration's order.
    public var feeds: [Feed]

    /// Reads the report for `feeds` from `store`.
    public init(feeds configured: [FeedConfig], store: StateStore) throws(StoreError) {
        let states = Dictionary(uniqueKeysWithValues: try store.allFeedStates().map { ($0.name, $0) })
        let seen = try store.seenCounts()
        state = store.path
        waitingForLog = try store.pendingCount()
        daemon = try store.meta("counters").flatMap { try? JSONDecoder().decode(DaemonCounters.self, from: Data($0.utf8)) }.map {
            DaemonSummary(feeds: $0.feeds, lastPoll: $0.lastPoll.map(RFC3339.string), alertsToday: $0.alertsToday, day: $0.day,
                          failing: $0.failing.sorted(), reloadError: $0.reloadError, summary: $0.statusLine)
        }
        feeds = []
        for feed in configured {
            // A state saved for another URL is a feed the configuration has since changed.
            guard let state = states[feed.name], state.url == feed.url else {
                feeds.append(Feed(name: feed.name, url: feed.shownURL, result: "never polled", consecutiveErrors: 0, seen: seen[feed.name] ?? 0))
                continue
            }
            feeds.append(Feed(
                name: feed.name, url: feed.shownURL,
                movedTo: state.fetchURL == feed.url ? nil : URLRedaction.redact(state.fetchURL),
                result: state.lastError == nil ? "ok" : "error", lastStatus: state.lastStatus, lastError: state.lastError,
                lastPoll: state.lastPoll.map(RFC3339.string), lastSuccess: state.lastSuccess.map(RFC3339.string),
                nextPoll: state.nextPoll.map(RFC3339.string),
                consecutiveErrors: state.consecutiveErrors, seen: seen[feed.name] ?? 0
            ))
        }
    }

    /// The report as one line of JSON: snake_case keys, sorted, absent values left out.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
