import Foundation
import Logging
import PantauTestSupport
import Testing
@testable import PantauFetch

@Suite struct FetcherTests {
    let logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })

    @Test func fetchesBodyAndHeadersOverHTTP() async throws {
        let server = try TestHTTPServer { _ in .init(headers: [("ETag", "\"v1\"")], body: "hello feed") }
        defer { server.stop() }
        let fetcher = Fetcher(logger: logger)
        let response = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/feed.xml")).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "hello feed")
        #expect(response.headers["etag"] == "\"v1\"")
        #expect(server.requests.first?.path == "/feed.xml")
        #expect(server.requests.first?.headers["user-agent"]?.hasPrefix("Pantau/\(PantauVersion.string)") == true)
    }

    @Test(arguments: [200, 304, 404, 429, 500, 503])
    func reportsTheServersStatusCode(status: Int) async throws {
        let server = try TestHTTPServer { _ in .init(status: status, body: status == 304 ? "" : "status \(status)") }
        defer { server.stop() }
        let response = try await Fetcher(logger: logger).fetch(FetchRequest(url: server.baseURL + "/")).get()
        #expect(response.status == status)
    }

    @Test func secondConditionalRequestGets304() async throws {
        // The server honours If-None-Match like a real one: same ETag → 304, empty body.
        let server = try TestHTTPServer { request in
            if request.headers["if-none-match"] == "\"abc\"" { return .init(status: 304) }
            return .init(headers: [("ETag", "\"abc\""), ("Last-Modified", "Wed, 23 Oct 2024 03:00:00 GMT")], body: "<rss/>")
        }
        defer { server.stop() }
        let fetcher = Fetcher(logger: logger)
        let first = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/rss")).get()
        let validators = ResponseClassifier().classify(status: first.status, headers: first.headers, now: Date())
        guard case .content(let v) = validators else {
            Issue.record("expected content, got \(validators)")
            return
        }
        #expect(v.etag == "\"abc\"")
        let second = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/rss", etag: v.etag, lastModified: v.lastModified)).get()
        #expect(second.status == 304)
        #expect(second.body.isEmpty)
        #expect(server.requests.count == 2)
        #expect(server.requests[1].headers["if-none-match"] == "\"abc\"")
        #expect(server.requests[1].headers["if-modified-since"] == "Wed, 23 Oct 2024 03:00:00 GMT")
    }

    @Test func rejectsABodyOverTheLimitWithAClearError() async throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 200_000)
        let server = try TestHTTPServer { _ in .init(body: big) }
        defer { server.stop() }
        let limits = FetchLimits(maxBodyBytes: 50_000)
        let result = await Fetcher(logger: logger).fetch(FetchRequest(url: server.baseURL + "/big", limits: limits))
        guard case .failure(let error) = result else {
            Issue.record("a 200 kB body passed a 50 kB limit")
            return
        }
        #expect(error.kind == .tooLarge)
        #expect(error.description.contains("50000"))
        #expect(error.url.hasSuffix("/big"))
    }

    @Test func rejectsAChunkedBodyOverTheLimitThatAnnouncedNoLength() async throws {
        // No Content-Length: only the write callback can enforce the limit.
        let body = [UInt8](repeating: UInt8(ascii: "y"), count: 120_000)
        let server = try TestHTTPServer { _ in .init(body: body, chunked: true) }
        defer { server.stop() }
        let result = await Fetcher(logger: logger).fetch(FetchRequest(url: server.baseURL + "/", limits: FetchLimits(maxBodyBytes: 10_000)))
        guard case .failure(let error) = result else {
            Issue.record("chunked body passed the limit")
            return
        }
        #expect(error.kind == .tooLarge)
    }

    @Test func readsFileURLsThroughTheSamePath() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("pantau-fetch-\(UUID().uuidString).xml").path
        try "<rss version=\"2.0\"/>".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let response = try await Fetcher(logger: logger).fetch(FetchRequest(url: "file://" + path)).get()
        #expect(response.status == 0)
        #expect(String(decoding: response.body, as: UTF8.self) == "<rss version=\"2.0\"/>")
    }

    @Test func missingFileIsAFileError() async throws {
        let result = await Fetcher(logger: logger).fetch(FetchRequest(url: "file:///nonexistent/pantau/feed.xml"))
        guard case .failure(let error) = result else {
            Issue.record("missing file fetched")
            return
        }
        #expect(error.kind == .file)
        #expect(error.url == "file:///nonexistent/pantau/feed.xml")
    }

    @Test func refusedConnectionIsAConnectError() async throws {
        // Bind a port, then close it: nothing listens there.
        let server = try TestHTTPServer { _ in .init(body: "") }
        let url = server.baseURL + "/"
        server.stop()
        let result = await Fetcher(logger: logger).fetch(FetchRequest(url: url))
        guard case .failure(let error) = result else {
            Issue.record("fetched from a closed port")
            return
        }
        #expect(error.kind == .connect)
    }

    /// A private feed's credentials go to its own host, not to another one it redirects to.
    @Test func credentialsInTheURLAreSentOnlyToItsOwnHost() async throws {
        let other = try TestHTTPServer { _ in .init(body: "elsewhere") }
        defer { other.stop() }
        let server = try TestHTTPServer { request in
            request.path == "/feed" ? .init(status: 302, headers: [("Location", other.baseURL + "/feed")]) : .init(body: "here")
        }
        defer { server.stop() }
        let host = server.baseURL.dropFirst("http://".count)
        let fetcher = Fetcher(logger: logger)
        let direct = try await fetcher.fetch(FetchRequest(url: "http://alice:s3cret@\(host)/here")).get()
        #expect(direct.status == 200)
        #expect(server.requests.last?.headers["authorization"] == "Basic " + Data("alice:s3cret".utf8).base64EncodedString())
        let moved = try await fetcher.fetch(FetchRequest(url: "http://alice:s3cret@\(host)/feed")).get()
        #expect(String(decoding: moved.body, as: UTF8.self) == "elsewhere")
        #expect(other.requests.count == 1 && other.requests.last?.headers["authorization"] == nil)
    }

    @Test func followsRedirectsButNeverToFileURLs() async throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/old": return .init(status: 301, headers: [("Location", "/new")])
            case "/new": return .init(body: "moved here")
            default: return .init(status: 302, headers: [("Location", "file:///etc/passwd")])
            }
        }
        defer { server.stop() }
        let fetcher = Fetcher(logger: logger)
        let moved = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/old")).get()
        #expect(moved.status == 200)
        #expect(moved.effectiveURL.hasSuffix("/new"))
        #expect(String(decoding: moved.body, as: UTF8.self) == "moved here")

        let sneaky = await fetcher.fetch(FetchRequest(url: server.baseURL + "/sneaky"))
        if case .success(let response) = sneaky {
            #expect(!String(decoding: response.body, as: UTF8.self).contains("root:"))
            #expect(response.status == 302)
        }
    }

    @Test func runsManyTransfersConcurrentlyWithinTheLimit() async throws {
        let server = try TestHTTPServer { request in .init(body: "feed \(request.path)") }
        defer { server.stop() }
        let fetcher = Fetcher(configuration: .init(maxConcurrent: 4), logger: logger)
        let bodies = await withTaskGroup(of: String.self) { group in
            for i in 0..<40 {
                group.addTask {
                    let result = await fetcher.fetch(FetchRequest(url: server.baseURL + "/\(i)"))
                    return (try? result.get()).map { String(decoding: $0.body, as: UTF8.self) } ?? "failed"
                }
            }
            var all: [String] = []
            for await body in group { all.append(body) }
            return all
        }
        #expect(Set(bodies) == Set((0..<40).map { "feed /\($0)" }))
    }

    @Test func aKeptAliveConnectionTheServerClosedLeavesTheLoopAndIsReplaced() async throws {
        // The response promises keep-alive, then the server hangs up: libcurl keeps the dead
        // connection in its cache, and its socket (still in the fetcher's epoll set, see
        // SocketWatch) turns readable with nobody waiting for it.
        let server = try TestHTTPServer { request in
            .raw { fd in
                _ = TestHTTPServer.writeAll(fd, Array("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".utf8))
            }
        }
        defer { server.stop() }
        let fetcher = Fetcher(logger: logger)
        let first = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/a")).get()
        #expect(first.status == 200)
        try await Task.sleep(for: .milliseconds(200))
        // The hang-up was noticed and the socket left the set (a level-triggered event that
        // nobody takes would otherwise wake the loop for ever).
        #expect(await fetcher.registeredButUnwanted().isEmpty)
        let second = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/b")).get()
        #expect(String(decoding: second.body, as: UTF8.self) == "ok")
        #expect(server.requests.map(\.path) == ["/a", "/b"])
    }

    @Test func cancelledTransferCompletesWithCancelled() async throws {
        let fetcher = Fetcher(logger: logger)
        // A listener that never answers keeps the transfer running until cancelled.
        let server = try TestHTTPServer { _ in
            Thread.sleep(forTimeInterval: 5)
            return .init(body: "late")
        }
        defer { server.stop() }
        let result: Result<FetchResponse, FetchError> = await withCheckedContinuation { continuation in
            Task {
                let id = await fetcher.start(FetchRequest(url: server.baseURL + "/slow")) { continuation.resume(returning: $0) }
                try? await Task.sleep(for: .milliseconds(100))
                await fetcher.cancel(id)
            }
        }
        guard case .failure(let error) = result else {
            Issue.record("expected cancellation")
            return
        }
        #expect(error.kind == .cancelled)
    }

    @Test func reportsPermanentRedirectsButNotTemporaryOnes() async throws {
        let server = try TestHTTPServer { request in
            switch request.path {
            case "/301": return .init(status: 301, headers: [("Location", "/308")])
            case "/308": return .init(status: 308, headers: [("Location", "/final")])
            case "/302": return .init(status: 302, headers: [("Location", "/final")])
            default: return .init(body: "<rss/>")
            }
        }
        defer { server.stop() }
        let fetcher = Fetcher(logger: logger)
        let permanent = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/301")).get()
        #expect(permanent.redirects == [301, 308])
        #expect(permanent.permanentlyMovedTo == server.baseURL + "/final")
        let temporary = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/302")).get()
        #expect(temporary.redirects == [302])
        #expect(temporary.permanentlyMovedTo == nil)
        let direct = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/final")).get()
        #expect(direct.redirects.isEmpty && direct.permanentlyMovedTo == nil)
    }

    @Test func userAgentNamesPantauItsVersionAndTheOperatorsContact() async throws {
        let server = try TestHTTPServer { _ in .init(body: "ok") }
        defer { server.stop() }
        let fetcher = Fetcher(configuration: .init(userAgent: Fetcher.userAgent(contact: "mailto:ops@example.org")), logger: logger)
        _ = try await fetcher.fetch(FetchRequest(url: server.baseURL + "/")).get()
        #expect(server.requests.first?.headers["user-agent"] == "Pantau/\(PantauVersion.string) (self-hosted news feed watcher; +mailto:ops@example.org)")
    }
}
