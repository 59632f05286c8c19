import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A small threaded HTTP/1.1 server on 127.0.0.1 for tests: real sockets, keep-alive,
/// a handler per request, and a record of every request it saw.
public final class TestHTTPServer: Sendable {
    /// A request as the server parsed it.
    public struct Request: Sendable {
        /// `GET`, `HEAD`, …
        public var method: String
        /// Path and query.
        public var path: String
        /// Header fields, names lowercased.
        public var headers: [String: String]
        /// The request body (read when it has a Content-Length).
        public var body: [UInt8] = []
    }

    /// What to send back.
    public struct Response: Sendable {
        /// Status code.
        public var status: Int
        /// Extra header fields.
        public var headers: [(String, String)]
        /// Body bytes.
        public var body: [UInt8]
        /// Send the body with chunked transfer encoding (no Content-Length).
        public var chunked: Bool
        /// Takes over the connection instead of a normal response (drip-feeding, endless
        /// bodies); the connection is closed when it returns.
        public var raw: (@Sendable (Int32) -> Void)?

        /// Creates a response.
        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], chunked: Bool = false) {
            self.status = status
            self.headers = headers
            self.body = body
            self.chunked = chunked
            self.raw = nil
        }

        /// A response written by `raw` straight to the client socket.
        public static func raw(_ body: @escaping @Sendable (Int32) -> Void) -> Response {
            var response = Response()
            response.raw = body
            return response
        }

        /// Creates a response with a UTF-8 body.
        public init(status: Int = 200, headers: [(String, String)] = [], body: String, chunked: Bool = false) {
            self.init(status: status, headers: headers, body: Array(body.utf8), chunked: chunked)
        }
    }

    /// The port the server listens on.
    public let port: Int
    let listener: Int32
    let handler: @Sendable (Request) -> Response
    let log = Mutex<[Request]>([])
    let stopped = Mutex(false)
    let inFlight = Mutex((now: 0, peak: 0))

    /// The most requests the handler was ever working on at once.
    public var peakConcurrentRequests: Int { inFlight.withLock { $0.peak } }

    /// `http://127.0.0.1:<port>`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Signalled when the accept loop has returned.
    let acceptFinished = DispatchSemaphore(value: 0)

    /// Every request received so far.
    public var requests: [Request] { log.withLock { $0 } }

    /// Starts listening on an ephemeral port.
    public init(handler: @escaping @Sendable (Request) -> Response) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestServerError.socket(errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 128) == 0 else {
            close(fd)
            throw TestServerError.socket(errno)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = Int(UInt16(bigEndian: address.sin_port))
        self.listener = fd
        self.handler = handler
        let server = self
        Thread.detachNewThread { server.acceptLoop() }
    }

    /// Stops accepting connections. Idempotent: a second close could hit a descriptor
    /// number that another thread has been given since.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        // Wake the accept loop and let it leave before the descriptor is closed: closed
        // first, its number could be handed to another test's new listener, and this loop
        // would then accept (and answer) that server's connections.
        shutdown(listener, Int32(SHUT_RDWR))
        _ = acceptFinished.wait(timeout: .now() + 5)
        close(listener)
    }

    deinit { stop() }

    /// `127.0.0.1:port` as a socket address (port 0: any free port).
    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return address
    }

    func acceptLoop() {
        defer { acceptFinished.signal() }
        while !stopped.withLock({ $0 }) {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            if stopped.withLock({ $0 }) {
                close(client)
                return
            }
            let server = self
            Thread.detachNewThread { server.serve(client) }
        }
    }

    func serve(_ client: Int32) {
        defer { close(client) }
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            // Read until the end of the header block.
            var headerEnd: Int? = nil
            while headerEnd == nil {
                if let end = Self.find(Array("\r\n\r\n".utf8), in: buffer) {
                    headerEnd = end
                    break
                }
                let n = read(client, &chunk, chunk.count)
                if n <= 0 { return }
                buffer.append(contentsOf: chunk[0..<n])
            }
            let head = String(decoding: buffer[0..<headerEnd!], as: UTF8.self)
            buffer.removeFirst(headerEnd! + 4)
            let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
            let parts = lines.first?.split(separator: " ") ?? []
            guard parts.count >= 2 else { return }
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            var request = Request(method: String(parts[0]), path: String(parts[1]), headers: headers)
            if let length = headers["content-length"].flatMap({ Int($0) }), length > 0 {
                while buffer.count < length {
                    let n = read(client, &chunk, chunk.count)
                    if n <= 0 { return }
                    buffer.append(contentsOf: chunk[0..<n])
                }
                request.body = Array(buffer[0..<length])
                buffer.removeFirst(length)
            }
            log.withLock { $0.append(request) }
            inFlight.withLock { $0.now += 1; $0.peak = max($0.peak, $0.now) }
            let response = handler(request)
            inFlight.withLock { $0.now -= 1 }
            if let raw = response.raw {
                raw(client)
                return
            }
            var out = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
            var hasLength = false
            for (name, value) in response.headers {
                out += "\(name): \(value)\r\n"
                if name.lowercased() == "content-length" { hasLength = true }
            }
            if response.chunked {
                out += "Transfer-Encoding: chunked\r\n"
            } else if !hasLength {
                out += "Content-Length: \(response.body.count)\r\n"
            }
            out += "\r\n"
            var bytes = Array(out.utf8)
            if request.method != "HEAD" {
                if response.chunked {
                    var offset = 0
                    while offset < response.body.count {
                        let n = min(4096, response.body.count - offset)
                        bytes += Array((String(n, radix: 16) + "\r\n").utf8) + response.body[offset..<offset + n] + Array("\r\n".utf8)
                        offset += n
                    }
                    bytes += Array("0\r\n\r\n".utf8)
                } else {
                    bytes += response.body
                }
            }
            if !Self.writeAll(client, bytes) { return }
            if headers["connection"]?.lowercased() == "close" { return }
        }
    }

    /// Writes all of `bytes` to `fd`; false when the peer went away.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<i + needle.count]) == needle { return i }
        }
        return nil
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 404: "Not Found"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }
}

/// Why the test server could not start.
public enum TestServerError: Error {
    /// A socket call failed with this errno.
    case socket(Int32)
    /// A program the server needs is missing or failed (what to install is in the text).
    case missingTool(String)
}


