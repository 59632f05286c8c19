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

    /// Seconds to wait from a `Retry-After` value: delta-seconds or an HTTP-date.
    /// Negative or unparseable values give nil; dates in the past give 0.
    public func retryAfter(_ value: String?, now: Date) -> Double? {
        guard let value = nonEmpty(value) else { return nil }
        if let seconds = Int(value) { return seconds >= 0 ? Double(seconds) : nil }
        guard let date = HTTPDate.parse(value) else { return nil }
        return max(0, date.timeIntervalSince(now))
    }

    func nonEmpty(_ value: String?) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}
