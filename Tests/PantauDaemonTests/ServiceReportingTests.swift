import Foundation
import Logging
import Testing
@testable import PantauDaemon

@Suite struct SystemdLogHandlerTests {
    @Test(arguments: [
        (Logger.Level.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ])
    func prefixesTheSdDaemonPriority(level: Logger.Level, priority: Int) {
        #expect(SystemdLogHandler.format(level: level, message: "m", metadata: [:]) == "<\(priority)>m\n")
    }

    @Test func writesOneLineWithSortedQuotedMetadata() {
        let line = SystemdLogHandler.format(level: .info, message: "feed polled\nnow", metadata: [
            "url": "https://example.org/a b", "feed": "demo", "status": "200", "error": "say \"hi\"",
        ])
        #expect(line == "<6>feed polled now error=\"say \\\"hi\\\"\" feed=demo status=200 url=\"https://example.org/a b\"\n")
    }

    @Test func handlerAppliesLevelAndMergesMetadata() {
        final class Lines: @unchecked Sendable { var all: [String] = [] }
        let lines = Lines()
        var handler = SystemdLogHandler(label: "t", level: .notice) { lines.all.append($0) }
        handler[metadataKey: "component"] = "fetch"
        var logger = Logger(label: "t", factory: { _ in handler })
        logger.logLevel = .notice
        logger.info("dropped")
        logger.warning("kept", metadata: ["feed": "a"])
        #expect(lines.all == ["<4>kept component=fetch feed=a\n"])
    }
}

@Suite struct DaemonCountersTests {
    @Test func statusLineCountsAlertsPerUTCDayAndFailingFeeds() {
        var counters = DaemonCounters()
        counters.feeds = 3
        #expect(counters.statusLine == "3 feeds, no poll yet, 0 alerts today, 0 failing")
        let day1 = Date(timeIntervalSince1970: 1_729_652_400)  // 2024-10-23T03:00:00Z
        counters.record(FeedReport(feed: "a", alerts: 2), now: day1)
        counters.record(FeedReport(feed: "b", error: "HTTP 500"), now: day1)
        #expect(counters.statusLine == "3 feeds, last poll 03:00:00Z, 2 alerts today, 1 failing")
        counters.record(FeedReport(feed: "b", alerts: 1), now: day1.addingTimeInterval(86_400))
        #expect(counters.statusLine == "3 feeds, last poll 03:00:00Z, 1 alert today, 0 failing")
        counters.reloadError = "x.toml:3:1: bad"
        #expect(counters.statusLine.hasSuffix("; reload refused, running on the previous config: x.toml:3:1: bad"))
    }
}

@Suite struct ServiceNotifierTests {
    @Test(arguments: [
        ([String: String](), false, nil as Int64?),
        (["NOTIFY_SOCKET": "/run/systemd/notify"], true, nil),
        (["NOTIFY_SOCKET": "relative/path"], false, nil),
        (["NOTIFY_SOCKET": "@abstract", "WATCHDOG_USEC": "2000000"], true, 1_000_000),
        (["NOTIFY_SOCKET": "/s", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "42"], true, 1_000_000),
        (["NOTIFY_SOCKET": "/s", "WATCHDOG_USEC": "2000000", "WATCHDOG_PID": "43"], true, nil),
        (["NOTIFY_SOCKET": "/s", "WATCHDOG_USEC": "0"], true, nil),
    ])
    func readsTheEnvironmentLikeSdNotify(environment: [String: String], active: Bool, watchdogMicroseconds: Int64?) {
        let notifier = ServiceNotifier(environment: environment, pid: 42)
        #expect(notifier.isActive == active)
        #expect(notifier.watchdogInterval == watchdogMicroseconds.map { .microseconds($0) })
    }
}
