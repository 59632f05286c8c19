import Synchronization

/// Holds the running driver so that ``Daemon/stop()`` and reloads can reach it from any
/// thread, and remembers a stop or a reload that arrived before the driver existed.
final class DriverBox: Sendable {
    struct State {
        var driver: PollDriver?
        var stopRequested = false
        var pendingReload: (@Sendable () -> Void)?
    }

    let state = Mutex(State())

    /// Installs `driver`; returns whether a stop was requested before it was installed, and
    /// the reload asked for meanwhile (to run now), if any.
    func install(_ driver: PollDriver?) -> (stopRequested: Bool, pendingReload: (@Sendable () -> Void)?) {
        state.withLock { state in
            state.driver = driver
            guard driver != nil else { return (state.stopRequested, nil) }
            defer { state.pendingReload = nil }
            return (state.stopRequested, state.pendingReload)
        }
    }

    /// The running driver, if any.
    func current() -> PollDriver? {
        state.withLock { $0.driver }
    }

    /// The running driver; without one, `reload` is kept to run when one is installed.
    func currentOrDefer(reload: @escaping @Sendable () -> Void) -> PollDriver? {
        state.withLock { state in
            if state.driver == nil { state.pendingReload = reload }
            return state.driver
        }
    }

    /// The running driver, after recording that a stop was requested.
    func requestStop() -> PollDriver? {
        state.withLock { state in
            state.stopRequested = true
            return state.driver
        }
    }
}
