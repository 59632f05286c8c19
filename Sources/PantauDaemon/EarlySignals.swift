import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Signals that arrive while the process starts, before a ``SignalWatcher`` exists.
///
/// Reading the config and opening the state take a few milliseconds, and SIGHUP or SIGUSR1
/// would kill the process in that time by their default action. ``hold(_:)``, called first
/// thing, records them instead; the watcher that takes them over runs its handler once for
/// each that arrived.
public enum EarlySignals {
    /// One bit per signal number that arrived while held.
    static let arrived = Atomic<UInt64>(0)

    /// Records `signals` (numbers below 64) from now on instead of taking their default
    /// action. The handler only sets a bit (async-signal-safe).
    public static func hold(_ signals: [Int32]) {
        // Globals initialise lazily: make sure the handler never does it.
        _ = arrived.load(ordering: .relaxed)
        for number in signals where bit(number) != 0 {
            signal(number) { number in
                _ = EarlySignals.arrived.bitwiseOr(EarlySignals.bit(number), ordering: .relaxed)
            }
        }
    }

    /// Which of `signals` arrived since they were held, in the order given; they are
    /// forgotten once taken.
    static func take(_ signals: [Int32]) -> [Int32] {
        let mask = signals.reduce(UInt64(0)) { $0 | bit($1) }
        let before = arrived.bitwiseAnd(~mask, ordering: .relaxed).oldValue
        return signals.filter { before & bit($0) != 0 }
    }

    /// Signal `number`'s bit (none outside 1...63).
    static func bit(_ number: Int32) -> UInt64 {
        number > 0 && number < 64 ? 1 << UInt64(number) : 0
    }
}
