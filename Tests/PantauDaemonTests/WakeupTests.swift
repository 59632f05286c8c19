import Foundation
import Testing
@testable import PantauDaemon

/// The sink task's sleep: until poked, a timeout, or cancellation. A wait without a timeout
/// that returns at all was ended by its poke or cancellation (the time limit catches one
/// that never does); no test bounds how soon, since a busy test machine can hold up any
/// task for seconds.
@Suite(.timeLimit(.minutes(1))) struct WakeupTests {
    @Test func aPokeBeforeTheWaitEndsTheWaitAtOnce() async {
        let wakeup = Wakeup()
        wakeup.poke()
        await wakeup.wait(timeout: nil)
    }

    @Test func aPokeFromAnotherThreadWakesTheWaiterOnlyOnce() async {
        let wakeup = Wakeup()
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { wakeup.poke() }
        await wakeup.wait(timeout: nil)
        // The poke was used up: the next wait runs to its timeout.
        let again = ContinuousClock.now
        await wakeup.wait(timeout: .milliseconds(100))
        #expect(ContinuousClock.now - again >= .milliseconds(100))
    }

    @Test func aWaitWithoutAPokeEndsAtItsTimeout() async {
        let wakeup = Wakeup()
        let start = ContinuousClock.now
        await wakeup.wait(timeout: .milliseconds(100))
        #expect(ContinuousClock.now - start >= .milliseconds(100))
    }

    @Test func cancellingTheWaitingTaskEndsTheWait() async {
        let wakeup = Wakeup()
        let task = Task { await wakeup.wait(timeout: nil) }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await task.value
    }
}
