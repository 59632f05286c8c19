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

    /// Creates a response.
    public init(url: String, effectiveURL: String, status: Int, headers: HTTPHeaders, body: [UInt8], duration: Double) {
        self.url = url
        self.effectiveURL = effectiveURL
        self.status = status
        self.headers = headers
        self.body = body
        self.duration = duration
    }
}

/// Response header fields in arrival order, looked up case-insensitively.
public struct HTTPHeaders: Sendable, Hashable, ExpressibleByDictionaryLiteral {
    /// The fields as received.
    public private(set) var fields: [(name: String, value: String)]

    /// Creates headers from fields.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// Creates headers from a literal (tests and hand-built responses).
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of `name`, compared case-insensitively.
    public subscript(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// Appends a field.
    public mutating func append(name: String, value: String) {
        fields.append((name: name, value: value))
    }

    /// Removes every field.
    public mutating func removeAll() {
        fields.removeAll(keepingCapacity: true)
    }

    /// Field-by-field equality.
    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    /// Hashes every field.
    public func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}
