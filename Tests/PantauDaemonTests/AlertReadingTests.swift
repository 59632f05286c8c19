import Foundation
import PantauTestSupport
import Testing
@testable import PantauDaemon
@testable import PantauWatch

@Suite struct AlertFilterTests {
    static func record(watch: String = "w", severity: String = "high", time: String = "2026-11-27T05:00:00Z") -> AlertRecord {
        AlertRecord(schema: 1, alertID: "x", time: time, watch: watch, severity: severity,
                    feed: .init(name: "f", url: "u"), item: .init(id: "i", title: "t", link: nil, published: nil),
                    language: "id", matches: [], evidence: "e")
    }

    let now = Date(timeIntervalSince1970: 1_764_223_200)  // 2025-11-27T06:00:00Z

    @Test(arguments: [
        ("2h", 1_764_216_000.0), ("30m", 1_764_221_400), ("1d", 1_764_136_800), ("90s", 1_764_223_110),
        ("2025-11-27", 1_764_201_600), ("2025-11-27T05:30:00Z", 1_764_221_400),
    ])
    func parsesSince(text: String, epoch: Double) {
        #expect(AlertFilter.parseSince(text, now: now) == Date(timeIntervalSince1970: epoch))
    }

    @Test func rejectsNonsenseSince() {
        #expect(AlertFilter.parseSince("soon", now: now) == nil)
    }

    @Test func filtersByWatchSeverityAndTime() {
        let filter = AlertFilter(since: Date(timeIntervalSince1970: 1_764_219_600), watch: "w", minimumSeverity: .high)
        #expect(filter.accepts(Self.record(time: "2025-11-27T05:00:00Z")))
        #expect(filter.accepts(Self.record(severity: "critical", time: "2025-11-27T05:00:00Z")))
        #expect(!filter.accepts(Self.record(severity: "medium", time: "2025-11-27T05:00:00Z")))
        #expect(!filter.accepts(Self.record(watch: "other", time: "2025-11-27T05:00:00Z")))
        #expect(!filter.accepts(Self.record(time: "2025-11-27T04:59:59Z")))
    }
}

@Suite struct AlertLogReaderTests {
    let scratch = ScratchDirectory("pantau-reader")
    var directory: String { scratch.path }

    @Test func followsTheLogAcrossRotationAndTruncation() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/alerts.jsonl"
        try "a\nb\npartial".write(toFile: path, atomically: false, encoding: .utf8)
        let reader = AlertLogReader(path: path)
        #expect(reader.readNewLines() == ["a", "b"])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(" line\nc\n".utf8))
        try handle.close()
        #expect(reader.readNewLines() == ["partial line", "c"])
        // logrotate: the file moves away, more lines reach the old one, a new one appears.
        try FileManager.default.moveItem(atPath: path, toPath: path + ".1")
        let old = try #require(FileHandle(forWritingAtPath: path + ".1"))
        try old.seekToEnd()
        try old.write(contentsOf: Data("d\n".utf8))
        try old.close()
        try "e1\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(reader.readNewLines() == ["d", "e1"])
        // copytruncate-style truncation (the file got shorter) starts over.
        try "f\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(reader.readNewLines() == ["f"])
        #expect(reader.readNewLines() == [])
    }
}
