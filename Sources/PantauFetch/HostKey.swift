/// The scheme, host and port a URL connects to (`https://example.org:443`), the unit of
/// per-host concurrency and backoff. Pure; `file://` URLs share the key `file://`.
public enum HostKey {
    /// The key for `url`, lowercased, with the scheme's default port filled in. A URL
    /// without a recognisable host is its own key.
    public static func of(_ url: String) -> String {
        if let key = asciiKey(url) { return key }
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

    /// The common case on bytes: an ASCII `http(s)://host[:port]/…` URL without user info
    /// or IPv6 literal (nil: take the general path).
    static func asciiKey(_ url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes -> String? in
            var schemeEnd = 0
            while schemeEnd < bytes.count, bytes[schemeEnd] != UInt8(ascii: ":") { schemeEnd += 1 }
            guard schemeEnd + 2 < bytes.count, bytes[schemeEnd + 1] == UInt8(ascii: "/"), bytes[schemeEnd + 2] == UInt8(ascii: "/") else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(64)
            for b in bytes[0..<schemeEnd] {
                guard b < 0x80 else { return nil }
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
            }
            let https = out == Array("https".utf8)
            guard https || out == Array("http".utf8) else { return nil }
            out.append(contentsOf: "://".utf8)
            var i = schemeEnd + 3
            var sawColon = false
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "/") || b == UInt8(ascii: "?") || b == UInt8(ascii: "#") { break }
                guard b < 0x80, b != UInt8(ascii: "@"), b != UInt8(ascii: "["), b != UInt8(ascii: "]") else { return nil }
                if b == UInt8(ascii: ":") {
                    guard !sawColon else { return nil }
                    sawColon = true
                }
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
                i += 1
            }
            if !sawColon { out.append(contentsOf: (https ? ":443" : ":80").utf8) } else if out.last == UInt8(ascii: ":") { return nil }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
