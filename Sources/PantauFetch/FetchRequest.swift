/// One transfer to perform: a URL plus the validators and limits for it.
public struct FetchRequest: Sendable, Hashable {
    /// `http://`, `https://` or `file://` URL.
    public var url: String
    /// ETag from the previous response, sent as `If-None-Match`.
    public var etag: String?
    /// Last-Modified from the previous response, sent as `If-Modified-Since`.
    public var lastModified: String?
    /// Limits applied to this transfer.
    public var limits: FetchLimits

    /// Creates a request.
    public init(url: String, etag: String? = nil, lastModified: String? = nil, limits: FetchLimits = FetchLimits()) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.limits = limits
    }
}

/// Time and size limits for one transfer.
public struct FetchLimits: Sendable, Hashable {
    /// Time allowed to connect (including TLS), in seconds.
    public var connectTimeout: Double
    /// Time allowed for the whole transfer, in seconds.
    public var totalTimeout: Double
    /// Largest body accepted, counted after decompression.
    public var maxBodyBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int

    /// Creates limits; the defaults suit news feeds.
    public init(connectTimeout: Double = 10, totalTimeout: Double = 30, maxBodyBytes: Int = 10 << 20, maxRedirects: Int = 5) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
    }
}
