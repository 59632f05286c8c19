import Foundation
import PantauConfig
import PantauDaemon
import PantauTestSupport
import Testing

/// The same story from three outlets, polled by three daemon runs (fresh processes over one
/// state directory): one alert, then a corroboration, then an escalation citing the first.
@Suite struct StoryRecordTests {
    static func rss(_ id: String, _ title: String, _ text: String) -> String {
        """
        <rss version="2.0"><channel><title>T</title><item><guid>\(id)</guid><title>\(title)</title>
        <pubDate>Thu, 24 Oct 2024 08:00:00 +0700</pubDate><description>\(text)</description></item></channel></rss>
        """
    }

    @Test func reportsOfOneStoryBecomeAlertCorroborationAndEscalation() async throws {
        let bodies = [
            "/antara": Self.rss("a1", "Korea Utara kirim pasukan ke Rusia", "Korea Utara telah mengirim 1.500 tentara ke Rusia, kata NIS."),
            "/tempo": Self.rss("t1", "NIS: Korea Utara kirim tentara ke Rusia", "Korea Utara telah mengirim 1.500 tentara ke Rusia untuk berlatih, kata NIS, dilansir dari Yonhap."),
            "/kompas": Self.rss("k1", "Zelensky: 10 ribu tentara Korea Utara", "Korea Utara mengirim 10 ribu tentara ke Rusia, kata Zelensky."),
        ]
        let server = try TestHTTPServer { request in .init(body: bodies[request.path] ?? "") }
        defer { server.stop() }
        let fixture = DaemonFixture()
        for (i, path) in ["/antara", "/tempo", "/kompas"].enumerated() {
            let feeds = ["/antara", "/tempo", "/kompas"][...i].map { FeedConfig(name: String($0.dropFirst()), url: server.baseURL + $0, language: "id") }
            _ = try await fixture.runOnce(try fixture.configuration(feeds: feeds))
            _ = path
        }
        let records = try fixture.alerts().filter { $0.watch == "troop-deployment" }
        #expect(records.map { $0.kind ?? "" } == ["alert", "corroboration", "escalation"])
        #expect(Set(records.compactMap(\.story)).count == 1)
        let corroboration = records[1]
        #expect(corroboration.feed.name == "tempo")
        #expect(corroboration.details?.contains("new source: tempo") == true)
        let escalation = records[2]
        #expect(escalation.details == ["deployment North Korea → Russia: 10000 troops after 1500"])
        #expect(escalation.cites?.map(\.id) == ["a1", "k1"])
        #expect(escalation.severity == "critical")
        #expect(escalation.severityReasons?.last == "escalation (deployment North Korea → Russia: 10000 troops after 1500): +1 → critical")
    }
}
