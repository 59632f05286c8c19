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
