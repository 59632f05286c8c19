import Foundation
import Logging
import PantauTestSupport
import Testing
@testable import PantauFetch

@Suite struct FetcherTests {
    let logger = Logger(label: "test")

    @Test func fetchesBodyAndHeadersOverHTTP() async throws {
        let server = try TestHTTPServer { _ in .init(headers: [("ETag", "\"v1\"")], body: "hello feed") }
        defer { server.stop() }
        let fetcher = Fetcher(logger: logger)
        let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed.xml")).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello feed")
        #expect(response.headers["etag"] == "\"v1\"")
        #expect(server.requests.first?.headers["user-agent"]?.hasPrefix("Pantau/") == true)
    }
}
