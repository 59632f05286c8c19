import Foundation
import Testing
@testable import PantauDaemon

/// The sink task's sleep: until poked, a timeout, or cancellation.
@Suite struct WakeupTests {
    @Test func aPokeBeforeTheWaitEndsTheWaitAtOnce() async {
        let wakeup = Wakeup()
        wakeup.poke()
        let start = ContinuousClock.now
        await wakeup.wait(timeout: .seconds(30))
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aPokeFromAnotherThreadWakesTheWaiterOnlyOnce() async {
        let wakeup = Wakeup()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { wakeup.poke() }
        let start = ContinuousClock.now
        await wakeup.wait(timeout: nil)
        #expect(ContinuousClock.now - start < .seconds(5))
        // The poke was used up: the next wait runs to its timeout.
        let again = ContinuousClock.now
        await wakeup.wait(timeout: .milliseconds(100))
        #expect(ContinuousClock.now - again >= .milliseconds(100))
    }

    @Test func aWaitWithoutAPokeEndsAtItsTimeout() async {
        let wakeup = Wakeup()
        let start = ContinuousClock.now
        await wakeup.wait(timeout: .milliseconds(100))
        let waited = ContinuousClock.now - start
        #expect(waited >= .milliseconds(100) && waited < .seconds(5))
    }

    @Test func cancellingTheWaitingTaskEndsTheWait() async {
        let wakeup = Wakeup()
        let task = Task { await wakeup.wait(timeout: nil) }
        try? await Task.sleep(for: .milliseconds(50))
        let start = ContinuousClock.now
        task.cancel()
        await task.value
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
