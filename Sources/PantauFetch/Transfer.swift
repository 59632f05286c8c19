import CCurl

/// One in-flight libcurl easy handle and what it has received so far.
///
/// Only touched on the fetcher's queue: libcurl calls the write and header callbacks from
/// inside `curl_multi_socket_action`, which the fetcher calls on its queue.
final class Transfer {
    let id: Int
    let request: FetchRequest
    /// ``HostKey`` of the request URL, for the per-host limit.
    let host: String
    let easy: UnsafeMutableRawPointer
    let completion: @Sendable (Result<FetchResponse, FetchError>) -> Void
    let started: ContinuousClock.Instant
    /// Kept alive until the transfer ends: libcurl does not copy the header list.
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer: UnsafeMutablePointer<CChar>
    var body: [UInt8] = []
    var headers = HTTPHeaders()
    /// Final status of every response in the redirect chain (1xx interim responses skipped).
    var statuses: [Int] = []
    var exceededLimit = false

    init(id: Int, request: FetchRequest, easy: UnsafeMutableRawPointer, completion: @escaping @Sendable (Result<FetchResponse, FetchError>) -> Void) {
        self.id = id
        self.request = request
        self.host = HostKey.of(request.url)
        self.easy = easy
        self.completion = completion
        self.started = .now
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        self.errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    /// The easy handle is not cleaned up here: ``CurlMulti`` keeps it for the next transfer.
    deinit {
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Appends body bytes; returns false once the decompressed body passes the limit.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if body.count + bytes.count > request.limits.maxBodyBytes {
            exceededLimit = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Handles one header line. A status line starts a new response (redirects, 100
    /// Continue), so earlier headers are dropped. Values are trimmed as bytes (a CRLF is a
    /// single `Character` in Swift and would survive character trimming).
    func receiveHeader(_ line: UnsafeRawBufferPointer) {
        var end = line.count
        while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x0D || line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
        let bytes = UnsafeRawBufferPointer(rebasing: line[0..<end])
        if bytes.starts(with: "HTTP/".utf8) {
            headers.removeAll()
            let parts = String(decoding: bytes, as: UTF8.self).split(separator: " ")
            if parts.count >= 2, let code = Int(parts[1]), code >= 200 { statuses.append(code) }
            return
        }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return }
        var valueStart = colon + 1
        while valueStart < bytes.count, bytes[valueStart] == 0x20 || bytes[valueStart] == 0x09 { valueStart += 1 }
        let name = String(decoding: bytes[0..<colon], as: UTF8.self)
        let value = String(decoding: bytes[valueStart..<bytes.count], as: UTF8.self)
        headers.append(name: name, value: value)
        // Size the body once from the announced length (bounded by the limit).
        if colon == 14, name.lowercased() == "content-length", let length = Int(value), length > 0 {
            body.reserveCapacity(min(length, request.limits.maxBodyBytes))
        }
    }
}
