import Synchronization

/// Holds the running driver so that ``Daemon/stop()`` can reach it from any thread, and
/// remembers a stop that arrived before the driver existed.
final class DriverBox: Sendable {
    struct State {
        var driver: PollDriver?
        var stopRequested = false
    }

    let state = Mutex(State())

    /// Installs `driver`; returns true if a stop was requested before it was installed.
    func install(_ driver: PollDriver?) -> Bool {
        state.withLock { state in
            state.driver = driver
            return state.stopRequested
        }
    }

    /// The running driver, if any.
    func current() -> PollDriver? {
        state.withLock { $0.driver }
    }

    /// The running driver, after recording that a stop was requested.
    func requestStop() -> PollDriver? {
        state.withLock { state in
            state.stopRequested = true
            return state.driver
        }
    }
}
