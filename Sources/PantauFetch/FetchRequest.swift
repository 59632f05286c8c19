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
    /// A body to POST (a webhook); nil for a GET.
    public var body: [UInt8]?
    /// The body's media type.
    public var contentType: String?

    /// Creates a request.
    public init(url: String, etag: String? = nil, lastModified: String? = nil, limits: FetchLimits = FetchLimits(),
                body: [UInt8]? = nil, contentType: String? = nil) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.limits = limits
        self.body = body
        self.contentType = contentType
    }
}
