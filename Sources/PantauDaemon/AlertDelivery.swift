import Logging
import PantauStore
import Synchronization

/// Moves alerts from the outbox to the alerts log: write, fsync, then mark delivered.
///
/// If Pantau dies between the fsync and the mark, the next start finds those alerts still
/// pending; on the first delivery after start their ids are looked up in the log's tail,
/// so they are not written twice. Calls are serialised: one delivery at a time.
public final class AlertDelivery: Sendable {
    let store: StateStore
    let log: AlertLogFile
    let logger: Logger
    /// True until the first delivery has checked the log's tail for crash leftovers.
    let needsTailCheck = Mutex(true)

    /// Creates a delivery from `store`'s outbox to `log`.
    public init(store: StateStore, log: AlertLogFile, logger: Logger) {
        self.store = store
        self.log = log
        self.logger = logger
    }

    /// Writes every pending alert; returns how many lines were appended.
    @discardableResult
    public func deliverPending() throws -> Int {
        try needsTailCheck.withLock { needsTailCheck in
            // Staged commits first: their alerts reach the outbox, and their items count as
            // seen, before anything is read from it.
            try store.commitStaged()
            var written = 0
            while true {
                let pending = try store.pendingAlerts(limit: 500)
                guard let last = pending.last else { return written }
                var lines = pending.map(\.record)
                if needsTailCheck {
                    let tail = log.tail()
                    lines = pending.filter { !tail.contains("\"alert_id\":\"\($0.alertID)\"") }.map(\.record)
                    if lines.count < pending.count {
                        logger.notice("alerts already in the log after a crash were not written again", metadata: ["count": "\(pending.count - lines.count)"])
                    }
                }
                if !lines.isEmpty { try log.append(lines) }
                try store.markDelivered(through: last.sequence)
                needsTailCheck = false
                written += lines.count
            }
        }
    }
}
