import Dispatch
import Synchronization

/// A value computed once on a background queue, starting when it is created; reading it
/// waits for the computation if it has not finished. The daemon builds its extractor and
/// compiles the watch lists this way while the first fetches are already in flight.
final class Precomputed<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let group = DispatchGroup()

    /// Starts computing `compute()` on a global queue.
    init(_ compute: @escaping @Sendable () -> Value) {
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let value = compute()
            result.withLock { $0 = value }
            group.leave()
        }
    }

    /// A value that is already there.
    init(ready value: Value) {
        result.withLock { $0 = value }
    }

    /// The value, once computed.
    var value: Value {
        if let value = result.withLock({ $0 }) { return value }
        group.wait()
        return result.withLock { $0! }
    }
}
