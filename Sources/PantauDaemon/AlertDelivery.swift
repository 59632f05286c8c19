import Logging
import PantauStore
import Synchronization

/// Moves alerts to the alerts log, exactly once.
///
/// The usual way is direct: when the store commits a batch of feeds, their alerts are
/// appended and fsynced first, and the log's new position is stored with the items' seen
/// marks. A crash between the two leaves lines past the stored position; at the next start
/// their ids are read back (``unconfirmed``), and when re-polling the unmarked items raises
/// them again they are not written twice.
///
/// When the log cannot be written (or older alerts still wait), alerts go to the outbox
/// instead, and ``deliverPending()`` moves them: write, fsync, then mark delivered. If
/// Pantau dies between the fsync and the mark, the next start finds them still pending; on
/// the first delivery after start their ids are looked up in the log's tail, so they are
/// not written twice. Calls are serialised: one delivery at a time.
public final class AlertDelivery: Sendable {
    let store: StateStore
    let log: AlertLogFile
    let logger: Logger
    /// True until the first delivery has checked the log's tail for crash leftovers.
    let needsTailCheck = Mutex(true)
    /// Ids of the alerts in the log past the position the store recorded last, as found at
    /// start: appended just before a crash, ahead of the marks of the items that raised them.
    let unconfirmed: Unconfirmed
    /// Poked whenever alerts reach the log: their stories changed and their sink deliveries
    /// are due.
    public let written: Wakeup

    /// Ids not to write again, each dropped once it has been skipped.
    final class Unconfirmed: Sendable {
        let ids: Mutex<Set<String>>

        init(_ ids: Set<String>) { self.ids = Mutex(ids) }

        /// `alerts` without those already in the log.
        func dropping<T>(_ alerts: [T], id: (T) -> String) -> [T] {
            let skipped = ids.withLock { ids -> Set<String> in
                guard !ids.isEmpty else { return [] }
                var skipped = Set<String>()
                for alert in alerts where ids.remove(id(alert)) != nil { skipped.insert(id(alert)) }
                return skipped
            }
            return skipped.isEmpty ? alerts : alerts.filter { !skipped.contains(id($0)) }
        }
    }

    /// Creates a delivery from `store` to `log`, and has the store deliver directly.
    public init(store: StateStore, log: AlertLogFile, logger: Logger) {
        self.store = store
        self.log = log
        self.logger = logger
        let recorded = ((try? store.meta(StateStore.logPositionKey)) ?? nil).flatMap(AlertLogFile.Position.init)
        let unconfirmed = Unconfirmed(recorded.map { Self.alertIDs(in: log.text(after: $0)) } ?? [])
        self.unconfirmed = unconfirmed
        let written = Wakeup()
        self.written = written
        store.deliverDirectly { alerts in
            let lines = unconfirmed.dropping(alerts, id: \.id).map(\.record)
            guard !lines.isEmpty else { return try log.position().description }
            defer { written.poke() }
            return try log.append(lines).description
        }
    }

    /// The `alert_id` of every line of `text` (JSON Lines as Pantau writes them).
    static func alertIDs(in text: String) -> Set<String> {
        var ids = Set<String>()
        let key = "\"alert_id\":\""
        for line in text.split(separator: "\n") {
            guard let start = line.firstRange(of: key)?.upperBound, let end = line[start...].firstIndex(of: "\"") else { continue }
            ids.insert(String(line[start..<end]))
        }
        return ids
    }

    /// Writes every pending alert; returns how many lines were appended.
    @discardableResult
    public func deliverPending() throws -> Int {
        try needsTailCheck.withLock { needsTailCheck in
            // Staged commits first: their alerts reach the log or the outbox, and their items
            // count as seen, before anything is read from it.
            try store.commitStaged()
            var written = 0
            while true {
                let pending = try store.pendingAlerts(limit: 500)
                guard let last = pending.last else { return written }
                var entries = unconfirmed.dropping(pending, id: \.alertID)
                if needsTailCheck {
                    let inTail = Self.alertIDs(in: log.tail())
                    let count = entries.count
                    entries = entries.filter { !inTail.contains($0.alertID) }
                    if entries.count < count {
                        logger.notice("alerts already in the log after a crash were not written again", metadata: ["count": "\(count - entries.count)"])
                    }
                }
                let position = entries.isEmpty ? try log.position() : try log.append(entries.map(\.record))
                try store.markDelivered(through: last.sequence, logPosition: position.description)
                needsTailCheck = false
                written += entries.count
                if !entries.isEmpty { self.written.poke() }
            }
        }
    }
}
