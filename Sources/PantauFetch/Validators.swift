/// Conditional-request validators from a response.
public struct Validators: Sendable, Hashable {
    /// The `ETag` header, verbatim.
    public var etag: String?
    /// The `Last-Modified` header, verbatim.
    public var lastModified: String?

    /// Creates validators.
    public init(etag: String? = nil, lastModified: String? = nil) {
        self.etag = etag
        self.lastModified = lastModified
    }
}
