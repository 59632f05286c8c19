import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/2-over-TLS server on 127.0.0.1 for tests: Debian's `nghttpd` (package
/// `nghttp2-server`, installed by `scripts/install-deps.sh`) serving files from a temporary
/// directory, with a throw-away self-signed certificate made by `openssl`. It speaks only
/// HTTP/2 (ALPN `h2`).
public final class H2TestServer: Sendable {
    /// The port it listens on.
    public let port: Int
    /// The server's certificate, which is its own CA: a feed's `ca_file`.
    public let caFile: String
    let directory: String
    let process: Process

    /// `https://127.0.0.1:<port>`.
    public var baseURL: String { "https://127.0.0.1:\(port)" }

    /// Writes `files` (name → content) and starts serving them; throws when `nghttpd` or
    /// `openssl` is missing or the server does not come up within 5 s.
    public init(files: [String: String]) throws {
        let fileManager = FileManager.default
        directory = NSTemporaryDirectory() + "pantau-h2-\(UUID().uuidString)"
        let documents = directory + "/htdocs"
        try fileManager.createDirectory(atPath: documents, withIntermediateDirectories: true)
        for (name, content) in files {
            try content.write(toFile: documents + "/" + name, atomically: true, encoding: .utf8)
        }
        caFile = directory + "/cert.pem"
        let key = directory + "/key.pem"
        try Self.run("/usr/bin/openssl", [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key,
            "-out", caFile, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
        ])
        port = try Self.freePort()
        let nghttpd = "/usr/sbin/nghttpd"
        guard fileManager.isExecutableFile(atPath: nghttpd) else {
            throw TestServerError.missingTool("\(nghttpd) not found: install nghttp2-server (scripts/install-deps.sh does)")
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: nghttpd)
        process.arguments = ["-a", "127.0.0.1", "-d", documents, String(port), key, caFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(5)
        while !Self.accepts(port) {
            guard Date() < deadline, process.isRunning else {
                stop()
                throw TestServerError.missingTool("nghttpd did not start on port \(port)")
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// Stops the server and removes its files.
    public func stop() {
        if process.isRunning {
            // SIGKILL: a child of the test runner starts with SIGTERM blocked (the runner's
            // threads block it and Foundation passes the mask on), and nghttpd installs no
            // handler that would unblock it.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }

    static func run(_ tool: String, _ arguments: [String]) throws {
        guard FileManager.default.isExecutableFile(atPath: tool) else { throw TestServerError.missingTool("\(tool) not found") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw TestServerError.missingTool("\(tool) \(arguments.first ?? "") failed") }
    }

    /// A port nobody listens on now (bound to 0, read back, released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw TestServerError.socket(errno) }
        defer { close(fd) }
        var address = TestHTTPServer.loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw TestServerError.socket(errno) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on `port`.
    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = TestHTTPServer.loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
