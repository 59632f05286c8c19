import Foundation
import Logging
import PantauStore
import Testing
@testable import PantauDaemon

@Suite struct AlertDeliveryTests {
    let directory = NSTemporaryDirectory() + "pantau-delivery-\(UUID().uuidString)"

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

    @Test func unopenableLogNamesThePath() throws {
        try FileManager.default.createDirectory(atPath: directory + "/dir.jsonl", withIntermediateDirectories: true)
        #expect { try AlertLogFile(path: directory + "/dir.jsonl") } throws: { "\($0)".contains(directory + "/dir.jsonl") }
    }
}
