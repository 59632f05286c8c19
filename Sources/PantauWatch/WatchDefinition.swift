/// A watch list as the operator wrote it: a name, a severity and three phrase lists.
///
/// The list fires when at least one `any` phrase occurs (or `any` is empty), every `all`
/// phrase occurs, and no `none` phrase occurs. A list with neither `any` nor `all` never fires.
public struct WatchDefinition: Sendable, Hashable {
    /// Unique name, used in alerts (`troop-deployment`).
    public var name: String
    /// Severity of alerts from this list.
    public var severity: Severity
    /// Phrases of which at least one must occur.
    public var any: [String]
    /// Phrases that must all occur.
    public var all: [String]
    /// Phrases that veto the alert.
    public var none: [String]
    /// Indonesian roots this list adds to the stemmer's lexicon (`bajak`, so `membajak`
    /// stems to it). They apply to every document and every watch list.
    public var roots: [String]

    /// Creates a watch definition.
    public init(name: String, severity: Severity, any: [String] = [], all: [String] = [], none: [String] = [], roots: [String] = []) {
        self.name = name
        self.severity = severity
        self.any = any
        self.all = all
        self.none = none
        self.roots = roots
    }
}
