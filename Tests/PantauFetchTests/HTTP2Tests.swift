import Foundation
import Logging
import PantauTestSupport
import Testing
@testable import PantauFetch

/// TLS and HTTP/2 against a real server (nghttpd) with a self-signed certificate.
@Suite struct HTTP2Tests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func feedsOnOneHostRunAsStreamsOfOneHTTP2Connection() async throws {
        let names = (0..<6).map { "feed\($0).xml" }
        let server = try H2TestServer(files: Dictionary(uniqueKeysWithValues: names.map { ($0, "<rss>\($0)</rss>") }))
        defer { server.stop() }
        let fetcher = Fetcher(configuration: .init(maxConcurrent: 8, maxPerHost: 6), logger: logger)
        let limits = FetchLimits(caFile: server.caFile)
        let responses = try await withThrowingTaskGroup(of: FetchResponse.self) { group in
            for name in names {
                group.addTask { try await fetcher.fetch(FetchRequest(url: "\(server.baseURL)/\(name)", limits: limits)).get() }
            }
            var all: [FetchResponse] = []
            for try await response in group { all.append(response) }
            return all
        }
        #expect(responses.count == 6)
        #expect(responses.allSatisfy { $0.status == 200 && $0.httpVersion == "2" })
        #expect(Set(responses.map { String(decoding: $0.body, as: UTF8.self) }) == Set(names.map { "<rss>\($0)</rss>" }))
        // Started together, the six waited for the first connection and shared it.
        #expect(responses.map(\.newConnections).reduce(0, +) == 1)
    }

    @Test func aServerWhoseCertificateIsNotTrustedIsATLSError() async throws {
        let server = try H2TestServer(files: ["feed.xml": "<rss/>"])
        defer { server.stop() }
        let result = await Fetcher(logger: logger).fetch(FetchRequest(url: server.baseURL + "/feed.xml"))
        guard case .failure(let error) = result else {
            Issue.record("a self-signed certificate was accepted without its CA file")
            return
        }
        #expect(error.kind == .tls)
        #expect(error.url == server.baseURL + "/feed.xml")
    }
}
