/// Why a feed document could not be read.
public struct FeedParseError: Error, Sendable, CustomStringConvertible {
    /// The kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The bytes are not XML or JSON at all, or have no root element.
        case notXML
        /// The document parsed but is not a feed format Pantau reads.
        case unknownFormat
        /// The document was refused for safety (entity declarations, size limits).
        case refused
    }

    /// The kind of failure.
    public var kind: Kind
    /// What went wrong, in words an operator can act on.
    public var detail: String

    /// Creates an error.
    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    /// A one-line description.
    public var description: String {
        switch kind {
        case .notXML: "not a readable feed document: \(detail)"
        case .unknownFormat: "unknown feed format: \(detail)"
        case .refused: "feed refused: \(detail)"
        }
    }
}
