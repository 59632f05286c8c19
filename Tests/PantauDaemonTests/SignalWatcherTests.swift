import Dispatch
import Foundation
import Synchronization
import Testing
@testable import PantauDaemon

/// Signals at start: held until the watcher exists, then handled once each.
@Suite(.serialized) struct SignalWatcherTests {
    final class Seen: Sendable {
        let numbers = Mutex<[Int32]>([])
        let arrival = DispatchSemaphore(value: 0)

        func record(_ number: Int32) {
            numbers.withLock { $0.append(number) }
            arrival.signal()
        }
    }

    @Test func handlesASignalThatArrivedBeforeTheWatcherOnceItStarts() throws {
        // SIGUSR2's default action ends the process: without the hold, so would this test.
        EarlySignals.hold([SIGUSR2])
        // To the process, as kill(1) sends it: a thread that does not block it takes it
        // (test threads are Dispatch workers, which block signals).
        kill(getpid(), SIGUSR2)
        try waitUntilHeld(SIGUSR2)
        let seen = Seen()
        let watcher = SignalWatcher(signals: [SIGUSR2]) { seen.record($0) }
        defer { watcher.cancel() }
        #expect(seen.arrival.wait(timeout: .now() + 5) == .success)
        // Handled once: taking it forgets it.
        #expect(seen.arrival.wait(timeout: .now() + 0.2) == .timedOut)
        #expect(seen.numbers.withLock { $0 } == [SIGUSR2])
        #expect(EarlySignals.take([SIGUSR2]).isEmpty)

        // From then on the watcher's own source delivers.
        kill(getpid(), SIGUSR2)
        #expect(seen.arrival.wait(timeout: .now() + 5) == .success)
        #expect(seen.numbers.withLock { $0 } == [SIGUSR2, SIGUSR2])
    }

    func waitUntilHeld(_ number: Int32) throws {
        let deadline = Date().addingTimeInterval(5)
        while EarlySignals.arrived.load(ordering: .relaxed) & EarlySignals.bit(number) == 0 {
            guard Date() < deadline else { throw CancellationError() }
            Thread.sleep(forTimeInterval: 0.001)
        }
    }

    @Test func replaysNothingWhenNoSignalArrived() throws {
        EarlySignals.hold([SIGUSR2])
        let seen = Seen()
        let watcher = SignalWatcher(signals: [SIGUSR2]) { seen.record($0) }
        defer { watcher.cancel() }
        #expect(seen.arrival.wait(timeout: .now() + 0.2) == .timedOut)
        #expect(seen.numbers.withLock { $0 }.isEmpty)
    }
}
