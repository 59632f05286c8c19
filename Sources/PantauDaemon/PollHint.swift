/// What a parsed feed says about how often it should be polled.
public struct PollHint: Sendable, Equatable {
    /// Average seconds between the feed's items, from their publication dates.
    public var publishingGap: Double?
    /// The feed's own minimum (`<ttl>`, `sy:updatePeriod`/`sy:updateFrequency`), in seconds.
    public var lowerBound: Double?

    /// Creates a hint.
    public init(publishingGap: Double? = nil, lowerBound: Double? = nil) {
        self.publishingGap = publishingGap
        self.lowerBound = lowerBound
    }
}
