import Foundation

/// Classifies HTTP responses. See ``ResponseClass``.
public struct ResponseClassifier: Sendable {
    /// Creates a classifier.
    public init() {}

    /// Classifies a response received at `now`. Status 0 (a `file://` transfer) is content.
    public func classify(status: Int, headers: HTTPHeaders, now: Date) -> ResponseClass {
        switch status {
        case 0, 200...299:
            return .content(Validators(etag: nonEmpty(headers["ETag"]), lastModified: nonEmpty(headers["Last-Modified"])))
        case 304:
            return .notModified
        case 429, 503:
            return .retryLater(status: status, retryAfter: retryAfter(headers["Retry-After"], now: now))
        case 401, 403, 404, 410:
            return .failed(status: status, permanent: true)
        default:
            return .failed(status: status, permanent: false)
        }
    }

    /// The media type (lowercased, without parameters) and charset of a `Content-Type`
    /// header: `text/xml; charset="ISO-8859-1"` gives (`text/xml`, `iso-8859-1`).
    public func contentType(_ headers: HTTPHeaders) -> (mediaType: String?, charset: String?) {
        guard let value = nonEmpty(headers["Content-Type"]) else { return (nil, nil) }
        let parts = value.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let mediaType = parts.first.map { $0.lowercased() }.flatMap { $0.isEmpty ? nil : $0 }
        var charset: String?
        for parameter in parts.dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                charset = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'")).lowercased()
            }
        }
        return (mediaType, charset)
    }

    /// True for media types a feed is served as (XML, RSS, Atom, RDF, JSON and the generic
    /// ones servers fall back to); false for HTML, images and the like. Nil media type: true.
    public func mayBeFeed(mediaType: String?) -> Bool {
        guard let mediaType else { return true }
        if mediaType.contains("xml") || mediaType.contains("rss") || mediaType.contains("atom") || mediaType.contains("json") { return true }
        return ["text/plain", "application/octet-stream", "binary/octet-stream"].contains(mediaType)
    }

    /// Seconds to wait from a `Retry-After` value: delta-seconds or an HTTP-date.
    /// Negative or unparseable values give nil; dates in the past give 0.
    public func retryAfter(_ value: String?, now: Date) -> Double? {
        guard let value = nonEmpty(value) else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? Double(seconds) : nil }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    /// `value` without surrounding spaces and tabs; nil when nothing is left.
    func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let utf8 = value.utf8
        guard let first = utf8.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return nil }
        let last = utf8.lastIndex(where: { $0 != 0x20 && $0 != 0x09 })!
        if first == utf8.startIndex && utf8.index(after: last) == utf8.endIndex { return value }
        return String(value[first...last])
    }
}
