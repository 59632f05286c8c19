import Synchronization

/// A wake-up call for one task that sleeps until there is work.
///
/// ``poke()`` may come from any thread. ``wait(timeout:)`` returns at the first poke since
/// the last wait (at once when one came meanwhile), when `timeout` has passed, or when the
/// waiting task is cancelled. One task waits at a time.
public final class Wakeup: Sendable {
    private struct State {
        var poked = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Creates a wake-up call with no poke pending.
    public init() {}

    /// Wakes the waiting task, or the next wait when none waits now.
    public func poke() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.poked = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Sleeps until poked, `timeout` (nil: no limit) or cancellation.
    public func wait(timeout: Duration?) async {
        let timer = timeout.map { timeout in
            Task { [self] in
                guard (try? await Task.sleep(for: timeout)) != nil else { return }
                poke()
            }
        }
        defer { timer?.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    if state.poked {
                        state.poked = false
                        return true
                    }
                    state.waiter = continuation
                    return false
                }
                if now { continuation.resume() }
            }
        } onCancel: {
            poke()
        }
    }
}
