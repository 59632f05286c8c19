/// Time and size limits for one transfer, and its TLS trust.
public struct FetchLimits: Sendable, Hashable {
    /// Time allowed to connect (including TLS), in seconds.
    public var connectTimeout: Double
    /// Time allowed for the whole transfer, in seconds.
    public var totalTimeout: Double
    /// Largest body accepted, counted after decompression.
    public var maxBodyBytes: Int
    /// Redirects followed before giving up.
    public var maxRedirects: Int
    /// A transfer slower than this many bytes per second for ``lowSpeedSeconds`` is cut
    /// (drip-feeding servers).
    public var lowSpeedBytesPerSecond: Int
    /// How long a transfer may stay below ``lowSpeedBytesPerSecond``.
    public var lowSpeedSeconds: Int
    /// A PEM file of CA certificates to trust instead of the system's (verification stays on).
    public var caFile: String?

    /// Creates limits; the defaults suit news feeds.
    public init(connectTimeout: Double = 10, totalTimeout: Double = 30, maxBodyBytes: Int = 10 << 20, maxRedirects: Int = 5,
                lowSpeedBytesPerSecond: Int = 64, lowSpeedSeconds: Int = 15, caFile: String? = nil) {
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.maxBodyBytes = maxBodyBytes
        self.maxRedirects = maxRedirects
        self.lowSpeedBytesPerSecond = lowSpeedBytesPerSecond
        self.lowSpeedSeconds = lowSpeedSeconds
        self.caFile = caFile
    }
}
