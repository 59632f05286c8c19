/// A document language the extractor distinguishes.
public enum Language: String, Sendable, Codable, CaseIterable {
    /// Indonesian.
    case indonesian = "id"
    /// English.
    case english = "en"
    /// Anything else, or too little text to tell.
    case other = "other"
}
