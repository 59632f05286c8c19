/// The scheme, host and port a URL connects to (`https://example.org:443`), the unit of
/// per-host concurrency and backoff. Pure; `file://` URLs share the key `file://`.
public enum HostKey {
    /// The key for `url`, lowercased, with the scheme's default port filled in. A URL
    /// without a recognisable host is its own key.
    public static func of(_ url: String) -> String {
        let lower = url.lowercased()
        guard let schemeEnd = lower.range(of: "://") else { return lower }
        let scheme = String(lower[..<schemeEnd.lowerBound])
        if scheme == "file" { return "file://" }
        var rest = lower[schemeEnd.upperBound...]
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { rest = rest[..<end] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        var host = String(rest)
        var port = scheme == "https" ? "443" : scheme == "http" ? "80" : ""
        // The port follows the last colon, unless it is inside an IPv6 literal.
        if let colon = host.lastIndex(of: ":"), !host[colon...].contains("]") {
            port = String(host[host.index(after: colon)...])
            host = String(host[..<colon])
        }
        return port.isEmpty ? "\(scheme)://\(host)" : "\(scheme)://\(host):\(port)"
    }
}
