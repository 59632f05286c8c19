/// Pantau's version, as reported in the `User-Agent` and `pantau --version`.
public enum PantauVersion {
    /// Semantic version string.
    public static let string = "0.1.0"
}
