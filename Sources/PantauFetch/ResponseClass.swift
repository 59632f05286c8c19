/// What a completed transfer means for the feed, decided from status and headers alone.
///
/// Pure and table-tested: no I/O, the clock is passed in. Modeled on Miniflux's
/// `response_handler`: the transport fetches, this type judges.
public enum ResponseClass: Sendable, Equatable {
    /// New content to parse, with the validators to send next time.
    case content(Validators)
    /// 304: nothing changed; parse nothing.
    case notModified
    /// 429 or 503: try again after `retryAfter` seconds (nil: the server did not say).
    case retryLater(status: Int, retryAfter: Double?)
    /// Any other status: an error for backoff; `permanent` for statuses that will not fix
    /// themselves (404, 410, 401, 403).
    case failed(status: Int, permanent: Bool)
}
