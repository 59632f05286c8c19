import PantauExtractor

extension WatchMatcher {
    /// The languages to read a document in, in order, when its own reading fires no watch
    /// list: none when a language was configured or detected. A headline or a one-sentence
    /// summary often has too few function words to tell its language ("China deploys
    /// troops", "Rusia kerahkan tentara"), and read as neither language its phrases never
    /// meet their stems. Such a text is read as Indonesian, then as English, and the first
    /// reading on which a list fires is the one alerted on.
    public static func fallbackReadings(detected: Language, configured: Language?) -> [Language] {
        configured == nil && detected == .other ? [.indonesian, .english] : []
    }
}

extension Extraction {
    /// This extraction as a fallback reading of a text whose language could not be told: the
    /// confidence stays the detector's, so the record does not claim a detected language.
    public func asFallbackReading(of undecided: Extraction) -> Extraction {
        var reading = self
        reading.languageConfidence = undecided.languageConfidence
        return reading
    }
}
