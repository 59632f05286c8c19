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
