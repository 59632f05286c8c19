/// Direct speech and who said it.
public struct Quote: Sendable, Hashable, Codable {
    /// Canonical name of the speaker (an entity), or nil when the text does not say.
    public var speaker: String?
    /// The quoted words, without the quotation marks.
    public var text: String
    /// UTF-8 byte offsets of the quoted words.
    public var span: Range<Int>
}

/// A report attributed to a medium or other source (`dilansir dari AFP`, `according to Reuters`).
public struct Attribution: Sendable, Hashable, Codable {
    /// Canonical name of the source.
    public var name: String
    /// Kind of the source entity (usually `media`).
    public var type: Entity.Kind
    /// The attribution as written.
    public var text: String
    /// UTF-8 byte offsets of ``text``.
    public var span: Range<Int>
    /// Index of the sentence that holds it.
    public var sentence: Int
}
