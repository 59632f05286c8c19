import Synchronization

/// Holds the running driver so that ``Daemon/stop()`` can reach it from any thread.
final class DriverBox: Sendable {
    let driver = Mutex<PollDriver?>(nil)

    func set(_ value: PollDriver?) { driver.withLock { $0 = value } }

    func get() -> PollDriver? { driver.withLock { $0 } }
}
