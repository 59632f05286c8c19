import Foundation
import Logging
import PantauStore
import PantauTestSupport
import Testing
@testable import PantauDaemon

@Suite struct AlertDeliveryTests {
    let scratch = ScratchDirectory("pantau-delivery")
    var directory: String { scratch.path }

    @Test func tornLastLineIsCutOnOpen() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/alerts.jsonl"
        try "{\"alert_id\":\"a\"}\n{\"alert_id\":\"b\",\"wat".write(toFile: path, atomically: true, encoding: .utf8)
        let log = try AlertLogFile(path: path)
        try log.append(["{\"alert_id\":\"c\"}"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "{\"alert_id\":\"a\"}\n{\"alert_id\":\"c\"}\n")
    }

    @Test func alertsAlreadyInTheLogAfterACrashAreNotWrittenTwice() throws {
        let store = try StateStore(directory: directory)
        let log = try AlertLogFile(path: directory + "/alerts.jsonl")
        // Crash window: the line reached the log but "delivered" was never recorded.
        try store.commit(feed: "f", items: ["1"], alerts: [("a1", "{\"alert_id\":\"a1\"}"), ("a2", "{\"alert_id\":\"a2\"}")])
        try log.append(["{\"alert_id\":\"a1\"}"])
        let delivery = AlertDelivery(store: store, log: log, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        #expect(try delivery.deliverPending() == 1)
        #expect(try String(contentsOfFile: log.path, encoding: .utf8) == "{\"alert_id\":\"a1\"}\n{\"alert_id\":\"a2\"}\n")
        #expect(try store.pendingAlerts().isEmpty)
        #expect(try delivery.deliverPending() == 0)
    }

    var quiet: Logger { Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }) }

    @Test func alertsGoStraightToTheLogWithTheirMarks() throws {
        let store = try StateStore(directory: directory)
        let log = try AlertLogFile(path: directory + "/alerts.jsonl")
        let delivery = AlertDelivery(store: store, log: log, logger: quiet)
        store.stage(StagedCommit(feed: "f", items: ["1"], alerts: [("a1", "{\"alert_id\":\"a1\"}")]))
        store.stage(StagedCommit(feed: "g", items: ["2"], alerts: [("a2", "{\"alert_id\":\"a2\"}")]))
        try store.commitStaged()
        #expect(try String(contentsOfFile: log.path, encoding: .utf8) == "{\"alert_id\":\"a1\"}\n{\"alert_id\":\"a2\"}\n")
        // Nothing went through the outbox; the stored position is the log's end.
        #expect(try store.pendingCount() == 0)
        #expect(try store.meta(StateStore.logPositionKey) == log.position().description)
        #expect(try log.position().offset == 36)
        #expect(try store.unseen(feed: "f", ids: ["1", "3"]) == ["3"])
        #expect(try delivery.deliverPending() == 0)
    }

    @Test func linesWrittenBeforeACrashAreNotWrittenAgainWhenTheirItemsComeBack() throws {
        let store = try StateStore(directory: directory)
        let log = try AlertLogFile(path: directory + "/alerts.jsonl")
        _ = AlertDelivery(store: store, log: log, logger: quiet)
        try store.commit(feed: "f", items: ["1"], alerts: [("a1", "{\"alert_id\":\"a1\"}")])
        // Crash window: a batch reached the log, its marks never committed.
        try log.append(["{\"alert_id\":\"a2\",\"x\":1}", "{\"alert_id\":\"a3\"}"])
        // Restart: re-polling raises a2 and a3 again, with a4 that is new.
        let restarted = AlertDelivery(store: store, log: log, logger: quiet)
        try store.commit(feed: "f", items: ["2", "3", "4"], alerts: [("a2", "{\"alert_id\":\"a2\",\"x\":1}"), ("a3", "{\"alert_id\":\"a3\"}"), ("a4", "{\"alert_id\":\"a4\"}")])
        let lines = try String(contentsOfFile: log.path, encoding: .utf8).split(separator: "\n")
        #expect(lines == ["{\"alert_id\":\"a1\"}", "{\"alert_id\":\"a2\",\"x\":1}", "{\"alert_id\":\"a3\"}", "{\"alert_id\":\"a4\"}"])
        #expect(try store.pendingCount() == 0)
        #expect(try restarted.deliverPending() == 0)
    }

    @Test func aLogThatCannotBeWrittenLeavesAlertsInTheOutboxInOrder() throws {
        let store = try StateStore(directory: directory)
        // Writes to /dev/full fail with ENOSPC.
        let full = try AlertLogFile(path: "/dev/full")
        _ = AlertDelivery(store: store, log: full, logger: quiet)
        try store.commit(feed: "f", items: ["1"], alerts: [("a1", "{\"alert_id\":\"a1\"}")])
        #expect(try store.pendingCount() == 1)
        #expect(try store.unseen(feed: "f", ids: ["1"]).isEmpty)
        // The log works again: older alerts first, then the new ones, each once.
        let log = try AlertLogFile(path: directory + "/alerts.jsonl")
        let delivery = AlertDelivery(store: store, log: log, logger: quiet)
        try store.commit(feed: "f", items: ["2"], alerts: [("a2", "{\"alert_id\":\"a2\"}")])
        #expect(try store.pendingCount() == 2)
        #expect(try delivery.deliverPending() == 2)
        try store.commit(feed: "f", items: ["3"], alerts: [("a3", "{\"alert_id\":\"a3\"}")])
        #expect(try String(contentsOfFile: log.path, encoding: .utf8) == "{\"alert_id\":\"a1\"}\n{\"alert_id\":\"a2\"}\n{\"alert_id\":\"a3\"}\n")
        #expect(try store.pendingCount() == 0)
    }

    @Test func textAfterAPositionIsReadOnlyFromTheSameFile() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = try AlertLogFile(path: directory + "/alerts.jsonl")
        let start = try log.append(["{\"alert_id\":\"a1\"}"])
        try log.append(["{\"alert_id\":\"a2\"}"])
        #expect(log.text(after: start) == "{\"alert_id\":\"a2\"}\n")
        #expect(log.text(after: start, limit: 5) == "a2\"}\n")
        // Rotated: another file at the path is not the one the position belongs to.
        try FileManager.default.moveItem(atPath: log.path, toPath: log.path + ".1")
        try log.reopen()
        try log.append(["{\"alert_id\":\"a3\"}", "{\"alert_id\":\"a4\"}"])
        #expect(log.text(after: start).isEmpty)
        #expect(AlertDelivery.alertIDs(in: log.text(after: AlertLogFile.Position(device: try log.position().device, inode: try log.position().inode, offset: 0))) == ["a3", "a4"])
    }

    @Test func aPipeAsTheLogGetsEachAlertOnce() throws {
        // alerts_log = "/dev/stdout" under a container runtime is a pipe: it cannot be
        // fsynced, and that must not make the alerts count as undelivered (and repeat).
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let fifo = directory + "/alerts.fifo"
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let store = try StateStore(directory: directory)
        let delivery = AlertDelivery(store: store, log: try AlertLogFile(path: fifo), logger: quiet)
        try store.commit(feed: "f", items: ["1"], alerts: [("a1", "{\"alert_id\":\"a1\"}"), ("a2", "{\"alert_id\":\"a2\"}")])
        #expect(try store.pendingCount() == 0)
        #expect(try delivery.deliverPending() == 0)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(reader, &buffer, buffer.count)
        #expect(n > 0)
        #expect(String(decoding: buffer[..<max(n, 0)], as: UTF8.self) == "{\"alert_id\":\"a1\"}\n{\"alert_id\":\"a2\"}\n")
    }

    @Test func everyAlertReachesTheLogOnceAndInOrderWhateverTheLogDoes() throws {
        // Random commits while the log works or fails (a delivery on /dev/full), with
        // deliveries in between: at the end, with the log working, it holds each alert
        // exactly once, in commit order.
        let store = try StateStore(directory: directory)
        let path = directory + "/alerts.jsonl"
        let full = try AlertLogFile(path: "/dev/full")
        let log = try AlertLogFile(path: path)
        var rng = SeededRandom(state: 5)
        var delivery = AlertDelivery(store: store, log: log, logger: quiet)
        var expected: [String] = []
        for n in 0..<200 {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0: delivery = AlertDelivery(store: store, log: full, logger: quiet)
            case 1: delivery = AlertDelivery(store: store, log: log, logger: quiet)
            case 2, 3: _ = try? delivery.deliverPending()
            default:
                let alerts = (0..<Int.random(in: 0...3, using: &rng)).map { k in ("a\(n)-\(k)", "{\"alert_id\":\"a\(n)-\(k)\"}") }
                expected += alerts.map(\.1)
                store.stage(StagedCommit(feed: "f", items: ["\(n)"], alerts: alerts))
                if Bool.random(using: &rng) { try store.commitStaged() }
            }
        }
        delivery = AlertDelivery(store: store, log: log, logger: quiet)
        try delivery.deliverPending()
        #expect(try store.pendingCount() == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init) == expected)
    }

    @Test func unopenableLogNamesThePath() throws {
        try FileManager.default.createDirectory(atPath: directory + "/dir.jsonl", withIntermediateDirectories: true)
        #expect { try AlertLogFile(path: directory + "/dir.jsonl") } throws: { "\($0)".contains(directory + "/dir.jsonl") }
    }
}
