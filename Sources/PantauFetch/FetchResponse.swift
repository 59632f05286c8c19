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

    /// Creates a response.
    public init(url: String, effectiveURL: String, status: Int, headers: HTTPHeaders, body: [UInt8], duration: Double, redirects: [Int] = []) {
        self.redirects = redirects
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
