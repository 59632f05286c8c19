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

    /// The reading of a text to alert on, and its matches: `own` (the text as analysed, in the
    /// configured or detected language) when a list fires on it or no other reading is due;
    /// else the first of ``fallbackReadings(detected:configured:)`` that `read` gives and a
    /// list fires on, with the detector's confidence kept (it claims no detected language);
    /// else `own` with no matches. `match` runs the lists on a reading.
    public static func firstFiringReading(
        own: Extraction, configured: Language?, read: (Language) -> Extraction, match: (Extraction) -> [WatchMatch]
    ) -> (reading: Extraction, matches: [WatchMatch]) {
        let matches = match(own)
        guard matches.isEmpty else { return (own, matches) }
        for language in fallbackReadings(detected: own.language, configured: configured) {
            var reading = read(language)
            reading.languageConfidence = own.languageConfidence
            let found = match(reading)
            if !found.isEmpty { return (reading, found) }
        }
        return (own, [])
    }
}
