import Dispatch

/// A `SerialExecutor` that runs jobs on a `DispatchQueue`.
///
/// Actors that use it run on the same serial queue as the Dispatch sources that feed them,
/// so C callbacks and Dispatch handlers on that queue can enter the actor with
/// `assumeIsolated` and the compiler still checks isolation. (`DispatchSerialQueue`, which
/// would do this, does not exist on Linux.)
public final class DispatchQueueExecutor: SerialExecutor {
    /// The serial queue jobs run on.
    public let queue: DispatchQueue

    /// Creates an executor on a new serial queue with `label`.
    public init(label: String) {
        self.queue = DispatchQueue(label: label)
    }

    /// Runs `job` on the queue.
    public func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let executor = asUnownedSerialExecutor()
        queue.async { unowned.runSynchronously(on: executor) }
    }

    /// This executor as an unowned reference.
    public func asUnownedSerialExecutor() -> UnownedSerialExecutor {
        UnownedSerialExecutor(ordinary: self)
    }

    /// Traps unless called on the queue (lets `assumeIsolated` work from Dispatch handlers).
    public func checkIsolated() {
        dispatchPrecondition(condition: .onQueue(queue))
    }
}
