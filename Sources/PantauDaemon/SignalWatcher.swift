import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Delivers POSIX signals through Dispatch sources instead of async-signal handlers: the
/// default action is ignored and `handler` runs on `queue` with the signal number.
public final class SignalWatcher {
    let sources: [any DispatchSourceSignal]

    /// Starts watching `signals`. Those that arrived while ``EarlySignals`` held them are
    /// handled once each, right away.
    public init(signals: [Int32], queue: DispatchQueue = DispatchQueue(label: "pantau.signals"), handler: @escaping @Sendable (Int32) -> Void) {
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            return source
        }
        for number in EarlySignals.take(signals) {
            queue.async { handler(number) }
        }
    }

    /// Stops watching (signals stay ignored).
    public func cancel() {
        for source in sources { source.cancel() }
    }
}
