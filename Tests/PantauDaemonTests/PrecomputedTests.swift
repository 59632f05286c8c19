import Dispatch
import Foundation
import Synchronization
import Testing
@testable import PantauDaemon

@Suite struct PrecomputedTests {
    @Test func readersWaitForTheBackgroundValueAndAllSeeTheSameOne() {
        let calls = Atomic<Int>(0)
        let gate = DispatchSemaphore(value: 0)
        let value = Precomputed<[Int]> {
            gate.wait()  // still computing while the readers start
            calls.wrappingAdd(1, ordering: .relaxed)
            return Array(0..<1000)
        }
        let seen = Mutex<[Int]>([])
        let group = DispatchGroup()
        for _ in 0..<4 {
            DispatchQueue.global().async(group: group) {
                let sum = value.value.reduce(0, +)
                seen.withLock { $0.append(sum) }
            }
        }
        gate.signal()
        group.wait()
        #expect(seen.withLock { $0 } == Array(repeating: 499_500, count: 4))
        #expect(value.value.count == 1000)
        #expect(calls.load(ordering: .relaxed) == 1)
    }

    @Test func aValueLeftToTheFirstReadIsNotComputedBeforeIt() {
        let calls = Atomic<Int>(0)
        let value = Precomputed<Int>(background: false) {
            calls.wrappingAdd(1, ordering: .relaxed)
            return 42
        }
        Thread.sleep(forTimeInterval: 0.05)  // a background start would have run by now
        #expect(calls.load(ordering: .relaxed) == 0)
        #expect(value.value == 42)
        #expect(value.value == 42)
        #expect(calls.load(ordering: .relaxed) == 1)
    }

    @Test func aReadyValueIsReturnedAsGiven() {
        #expect(Precomputed(ready: "x").value == "x")
    }
}
