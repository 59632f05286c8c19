/// A completed transfer: status, headers of the final response, and the body.
public struct FetchResponse: Sendable {
    /// The URL that was requested.
    public var url: String
    /// The URL after redirects.
    public var effectiveURL: String
    /// HTTP status code; 0 for `file://`.
    public var status: Int
    /// Headers of the last response in the redirect chain.
    public var headers: HTTPHeaders
    /// The (decompressed) body.
    public var body: [UInt8]
    /// Wall time of the transfer, in seconds.
    public var duration: Double
    /// Statuses of the redirects followed before the final response, in order.
    public var redirects: [Int]
    /// The HTTP version of the last response: "1.0", "1.1", "2", "3"; empty for `file://`.
    public var httpVersion: String
    /// Connections this transfer had to open: 0 when it reused a kept-alive connection or
    /// ran as another stream of an HTTP/2 one.
    public var newConnections: Int

    /// Creates a response.
    public init(url: String, effectiveURL: String, status: Int, headers: HTTPHeaders, body: [UInt8], duration: Double, redirects: [Int] = [],
                httpVersion: String = "", newConnections: Int = 0) {
        self.redirects = redirects
        self.httpVersion = httpVersion
        self.newConnections = newConnections
        self.url = url
        self.effectiveURL = effectiveURL
        self.status = status
        self.headers = headers
        self.body = body
        self.duration = duration
    }
}

extension FetchResponse {
    /// Where the feed now lives, when every redirect on the way was permanent (301 or 308).
    public var permanentlyMovedTo: String? {
        guard !redirects.isEmpty, redirects.allSatisfy({ $0 == 301 || $0 == 308 }), effectiveURL != url else { return nil }
        return effectiveURL
    }
}
