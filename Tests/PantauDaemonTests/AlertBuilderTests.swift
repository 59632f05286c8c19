import Foundation
import PantauConfig
import PantauExtractor
import PantauFeeds
import PantauWatch
import Testing
@testable import PantauDaemon

@Suite struct AlertBuilderTests {
    let feed = FeedConfig(name: "demo", url: "https://example.org/rss")
    let now = Date(timeIntervalSince1970: 1_729_756_800) // 2024-10-24T08:00:00Z

    func item(_ text: String) -> FeedItem {
        FeedItem(id: "x", title: "Judul", published: now, summary: text)
    }

    @Test func alertsCarryTheExtractorsEntitiesAndEvents() {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let alerts = builder.alerts(for: item("Korea Utara telah mengirimkan pasukan ke Rusia, dilansir dari AFP."), feed: feed, now: now)
        #expect(alerts.count == 1)
        #expect(alerts.first?.entities?.map(\.name) == ["North Korea", "Russia", "AFP"])
        #expect(alerts.first?.entities?.first?.mentions == 1)
        #expect(alerts.first?.entities?.last?.type == "media")
        let event = alerts.first?.events?.first
        #expect(event?.type == .deployment)
        #expect(event?.actor == "North Korea")
        #expect(event?.destination == "Russia")
        #expect(event?.claimedBy == "AFP")
    }

    @Test func anAlertLineStaysJSONWhenTheItemHoldsANumberNoDoubleCanHold() throws {
        let builder = AlertBuilder(watches: [WatchDefinition(name: "troops", severity: .high, any: ["kirim pasukan"])])
        let huge = String(repeating: "9", count: 400)
        let alerts = builder.alerts(for: item("Korea Utara mengirimkan pasukan ke Rusia: \(huge) tentara dan tujuh kapal."), feed: feed, now: now)
        #expect(alerts.count == 1)
        let line = try #require(alerts.first?.jsonLine())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["watch"] as? String == "troops")
        #expect(!line.contains("inf"))
        #expect(line.contains("\"count\":7,"))
    }

    @Test func watchListRootsExtendTheStemmerForTheDaemon() {
        let text = "Perompak yang bersenjata membajak kapal tanker itu di Selat Malaka pada malam hari."
        let without = AlertBuilder(watches: [WatchDefinition(name: "piracy", severity: .critical, any: ["bajak"])])
        #expect(without.alerts(for: item(text), feed: feed, now: now).isEmpty)
        let with = AlertBuilder(watches: [WatchDefinition(name: "piracy", severity: .critical, any: ["bajak"], roots: ["bajak"])])
        #expect(with.alerts(for: item(text), feed: feed, now: now).count == 1)
    }
}
