/// Why a transfer failed, with the URL and the transport's own words.
///
/// HTTP statuses are not errors here: a 404 is a completed transfer that
/// ``ResponseClassifier`` classifies.
public struct FetchError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure, for backoff decisions and status reports.
    public enum Kind: String, Sendable, Equatable {
        /// The host name did not resolve.
        case dns
        /// The connection was refused or could not be made.
        case connect
        /// TLS handshake or certificate verification failed.
        case tls
        /// A connect or total timeout expired.
        case timeout
        /// The body passed the size limit.
        case tooLarge
        /// More redirects than allowed.
        case tooManyRedirects
        /// The body could not be decompressed.
        case decompression
        /// A `file://` URL could not be read.
        case file
        /// The URL's scheme is not http, https or file.
        case unsupportedURL
        /// libcurl could not be set up for the transfer.
        case setup
        /// The transfer was cancelled (shutdown or feed removed).
        case cancelled
        /// Any other transport failure.
        case transfer
    }

    /// The kind of failure.
    public var kind: Kind
    /// The URL that was requested.
    public var url: String
    /// What went wrong.
    public var message: String
    /// libcurl's result code, when the failure came from libcurl.
    public var curlCode: Int?

    /// Creates an error.
    public init(_ kind: Kind, url: String, message: String, curlCode: Int? = nil) {
        self.kind = kind
        self.url = url
        self.message = message
        self.curlCode = curlCode
    }

    /// `kind: message (url)`, one line, the URL shown without its secrets (``URLRedaction``).
    public var description: String { description(showing: URLRedaction.redact(url)) }

    /// `kind: message (shown)`: the description with `shown` in place of the URL (a
    /// webhook's origin, say).
    public func description(showing shown: String) -> String {
        let code = curlCode.map { " [curl \($0)]" } ?? ""
        return "\(kind.rawValue): \(message)\(code) (\(shown))"
    }
}
