import Foundation
import Logging
import PantauTestSupport
import Testing
@testable import PantauFetch

#if canImport(Glibc)
import Glibc
#endif

/// Servers that misbehave, each on 127.0.0.1, each with a real libcurl transfer.
@Suite struct HostileServerTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    func fetch(_ url: String, limits: FetchLimits = FetchLimits(), fetcher: Fetcher? = nil) async -> Result<FetchResponse, FetchError> {
        await (fetcher ?? Fetcher(logger: logger)).fetch(FetchRequest(url: url, limits: limits))
    }

    func failure(_ result: Result<FetchResponse, FetchError>) -> FetchError? {
        if case .failure(let error) = result { return error }
        return nil
    }

    @Test func decompressesGzipBodies() async throws {
        let text = String(repeating: "<item>Pasukan tiba</item>", count: 200)
        let gzipped = try Gzip.compress(Array(text.utf8))
        let server = try TestHTTPServer { request in
            #expect(request.headers["accept-encoding"]?.contains("gzip") == true)
            return .init(headers: [("Content-Encoding", "gzip")], body: gzipped)
        }
        defer { server.stop() }
        let response = try await fetch(server.baseURL + "/").get()
        #expect(String(decoding: response.body, as: UTF8.self) == text)
    }

    @Test func cutsASmallGzipThatInflatesPastTheLimit() async throws {
        let bomb = try Gzip.compress([UInt8](repeating: 0x20, count: 8 << 20))  // 8 MiB of spaces, ~8 KB on the wire
        #expect(bomb.count < 64 << 10)
        let server = try TestHTTPServer { _ in .init(headers: [("Content-Encoding", "gzip")], body: bomb) }
        defer { server.stop() }
        let error = failure(await fetch(server.baseURL + "/", limits: FetchLimits(maxBodyBytes: 1 << 20)))
        #expect(error?.kind == .tooLarge)
    }

    @Test func stopsARedirectLoop() async throws {
        let server = try TestHTTPServer { request in
            .init(status: 302, headers: [("Location", request.path == "/a" ? "/b" : "/a")])
        }
        defer { server.stop() }
        let error = failure(await fetch(server.baseURL + "/a"))
        #expect(error?.kind == .tooManyRedirects)
        #expect(server.requests.count == 6)  // the first request plus 5 redirects
    }

    @Test func cutsAServerThatDripsOneBytePerSecond() async throws {
        let server = try TestHTTPServer { _ in
            .raw { fd in
                _ = TestHTTPServer.writeAll(fd, Array("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n".utf8))
                for _ in 0..<60 {
                    guard TestHTTPServer.writeAll(fd, [UInt8(ascii: "x")]) else { return }
                    Thread.sleep(forTimeInterval: 1)
                }
            }
        }
        defer { server.stop() }
        let started = Date()
        let error = failure(await fetch(server.baseURL + "/", limits: FetchLimits(lowSpeedBytesPerSecond: 100, lowSpeedSeconds: 2)))
        #expect(error?.kind == .timeout)
        // Cut after about 2 s by the low-speed limit, long before the 60 s the body would take
        // (the margin covers a test runner starved by a busy 2-core machine: 13 s was seen).
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func cutsABodyThatNeverEnds() async throws {
        let server = try TestHTTPServer { _ in
            .raw { fd in
                _ = TestHTTPServer.writeAll(fd, Array("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
                let chunk = Array("1000\r\n".utf8) + [UInt8](repeating: UInt8(ascii: "z"), count: 4096) + Array("\r\n".utf8)
                while TestHTTPServer.writeAll(fd, chunk) {}
            }
        }
        defer { server.stop() }
        let error = failure(await fetch(server.baseURL + "/", limits: FetchLimits(maxBodyBytes: 2 << 20)))
        #expect(error?.kind == .tooLarge)
    }

    @Test func timesOutAHungTLSHandshake() async throws {
        // A TCP listener that accepts and never answers the ClientHello.
        let server = try TestHTTPServer { _ in .init() }
        defer { server.stop() }
        let started = Date()
        let error = failure(await fetch("https://127.0.0.1:\(server.port)/feed", limits: FetchLimits(connectTimeout: 1, totalTimeout: 60)))
        #expect(error?.kind == .timeout)
        // The 1 s connect timeout fired, not the 60 s total one (generous: the test runner may
        // starve the loop for several seconds on a busy 2-core machine; 13 s was seen).
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test func refusesCertificatesItCannotVerify() async throws {
        // TLS verification is always on: a CA file that does not exist fails the transfer
        // instead of silently trusting anything.
        let server = try TestHTTPServer { _ in .init() }
        defer { server.stop() }
        let error = failure(await fetch("https://127.0.0.1:\(server.port)/", limits: FetchLimits(connectTimeout: 1, caFile: "/nonexistent/ca.pem")))
        #expect(error != nil)
        #expect(error?.kind == .tls || error?.kind == .timeout)
    }

    @Test func manyFeedsOnOneHostRespectThePerHostCap() async throws {
        let server = try TestHTTPServer { request in
            Thread.sleep(forTimeInterval: 0.03)
            return .init(body: "feed \(request.path)")
        }
        defer { server.stop() }
        let fetcher = Fetcher(configuration: .init(maxConcurrent: 32, maxPerHost: 2), logger: logger)
        let bodies = await withTaskGroup(of: String.self) { group in
            for i in 0..<24 {
                group.addTask {
                    let result = await fetcher.fetch(FetchRequest(url: server.baseURL + "/\(i)", limits: FetchLimits(totalTimeout: 5)))
                    return (try? result.get()).map { String(decoding: $0.body, as: UTF8.self) } ?? "failed"
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        #expect(Set(bodies) == Set((0..<24).map { "feed /\($0)" }))
        #expect(server.peakConcurrentRequests <= 2)
        #expect(server.peakConcurrentRequests == 2)
    }

    @Test func otherHostsAreNotHeldUpByABusyOne() async throws {
        let slow = try TestHTTPServer { _ in
            Thread.sleep(forTimeInterval: 1)
            return .init(body: "slow")
        }
        let fast = try TestHTTPServer { _ in .init(body: "fast") }
        defer { slow.stop(); fast.stop() }
        let fetcher = Fetcher(configuration: .init(maxConcurrent: 8, maxPerHost: 1), logger: logger)
        async let a = fetcher.fetch(FetchRequest(url: slow.baseURL + "/1"))
        async let b = fetcher.fetch(FetchRequest(url: slow.baseURL + "/2"))
        let quick = try await fetcher.fetch(FetchRequest(url: fast.baseURL + "/")).get()
        let quickDone = Date()
        #expect(String(decoding: quick.body, as: UTF8.self) == "fast")
        _ = await (a, b)
        // The slow host serves one at a time (1 s each); the fast host never waited for it.
        #expect(Date().timeIntervalSince(quickDone) > 0.5)
        #expect(slow.peakConcurrentRequests == 1)
    }
}

@Suite struct HostKeyTests {
    @Test(arguments: [
        ("https://Example.org/feed", "https://example.org:443"),
        ("http://example.org:8080/a?b", "http://example.org:8080"),
        ("http://user:pw@example.org/x", "http://example.org:80"),
        ("https://[::1]:8443/x", "https://[::1]:8443"),
        ("https://[::1]/x", "https://[::1]:443"),
        ("file:///srv/feed.xml", "file://"),
        ("HTTP://NEWS.Example.ORG:80#top", "http://news.example.org:80"),
        ("http://example.org:/x", "http://example.org"),
        ("https://bérita.example/x", "https://bérita.example:443"),
        ("gopher://example.org/1", "gopher://example.org"),
    ])
    func keysHostsBySchemeHostAndPort(url: String, key: String) {
        #expect(HostKey.of(url) == key)
    }
}
