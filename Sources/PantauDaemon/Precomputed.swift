import Dispatch
import Synchronization

/// A value computed once on a background queue, starting when it is created; reading it
/// waits for the computation if it has not finished, and is one atomic load afterwards. The
/// daemon builds its extractor and compiles the watch lists this way while the first fetches
/// are already in flight.
final class Precomputed<Value: Sendable>: Sendable {
    private final class Box: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    private let box = AtomicLazyReference<Box>()
    private let group = DispatchGroup()
    /// Set when nothing runs in the background: the first read computes the value.
    private let onFirstRead: (@Sendable () -> Value)?

    /// Starts computing `compute()` on a global queue, or, when `background` is false,
    /// leaves it to the first read (a value that may never be needed costs nothing).
    init(background: Bool = true, _ compute: @escaping @Sendable () -> Value) {
        guard background else {
            onFirstRead = compute
            return
        }
        onFirstRead = nil
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            _ = box.storeIfNil(Box(compute()))
            group.leave()
        }
    }

    /// A value that is already there.
    init(ready value: Value) {
        onFirstRead = nil
        _ = box.storeIfNil(Box(value))
    }

    /// The value, once computed.
    var value: Value {
        if let ready = box.load() { return ready.value }
        if let onFirstRead { return box.storeIfNil(Box(onFirstRead())).value }
        group.wait()
        return box.load()!.value
    }
}
