/// URLs as they may be shown in logs, errors, `pantau status` and alert lines, which reach
/// journals, sinks and other people. Private feeds carry credentials in their URLs
/// (`https://user:password@…`, `?token=…`) and webhook services carry them in the path
/// (Slack's `/services/T…/B…/secret`): none of that is shown. The fetcher always uses the
/// URL as configured.
public enum URLRedaction {
    /// What a secret is replaced with.
    public static let mask = "***"

    /// `url` with its user part's password (or a user part without one, usually a token)
    /// and the values of query parameters named like secrets replaced by ``mask``. The
    /// scheme, host, path and other parameters stay, so the feed can still be recognised.
    public static func redact(_ url: String) -> String {
        // Most URLs have neither a user part nor a query: returned as they are.
        guard url.utf8.contains(where: { $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: "?") }),
              let parts = Parts(url) else { return url }
        var out = String(url[..<parts.authority.lowerBound])
        if let at = parts.userEnd {
            let user = url[parts.authority.lowerBound..<at]
            if let colon = user.firstIndex(of: ":") { out += user[..<colon] + ":" + mask } else { out += mask }
            out += url[at..<parts.authority.upperBound]
        } else {
            out += url[parts.authority]
        }
        let rest = url[parts.authority.upperBound...]
        // A query starts at the first "?" before any "#".
        guard let question = rest.firstIndex(where: { $0 == "?" || $0 == "#" }), rest[question] == "?" else { return out + rest }
        out += url[parts.authority.upperBound...question]
        let fragment = url[question...].firstIndex(of: "#") ?? url.endIndex
        let query = url[url.index(after: question)..<fragment]
        out += query.split(separator: "&", omittingEmptySubsequences: false).map { parameter -> Substring in
            guard let equals = parameter.firstIndex(of: "="), isSecret(parameter[..<equals]) else { return parameter }
            return parameter[...equals] + mask
        }.joined(separator: "&")
        return out + url[fragment...]
    }

    /// `url` without its user part (`https://user:password@host/…` → `https://host/…`): the
    /// base a feed's relative links resolve against, so that items do not carry the feed's
    /// credentials into alert lines.
    public static func withoutUser(_ url: String) -> String {
        guard url.utf8.contains(UInt8(ascii: "@")), let parts = Parts(url), let at = parts.userEnd else { return url }
        return String(url[..<parts.authority.lowerBound] + url[url.index(after: at)...])
    }

    /// Only the scheme and host (and port) of `url`, with `/…` when more followed: for
    /// webhook URLs, whose path is often the secret itself.
    public static func origin(_ url: String) -> String {
        guard let parts = Parts(url) else { return mask }
        let host = url[(parts.userEnd.map { url.index(after: $0) } ?? parts.authority.lowerBound)..<parts.authority.upperBound]
        let rest = url[parts.authority.upperBound...]
        return String(url[..<parts.authority.lowerBound] + host + (rest.isEmpty || rest == "/" ? rest : "/…"))
    }

    /// Query parameter names whose values are taken for secrets (compared lowercased).
    static let secretNames: Set<String> = ["key", "auth", "sig", "sid", "pass", "pwd", "code", "session", "sessionid"]
    /// Parts of names that mark a secret wherever they occur (`access_token`, `client_secret`).
    static let secretParts = ["token", "secret", "passw", "apikey", "api_key", "api-key", "accesskey", "access_key", "signature", "credential"]

    static func isSecret(_ name: Substring) -> Bool {
        let name = name.lowercased()
        return secretNames.contains(name) || secretParts.contains { name.contains($0) }
    }

    /// Where a URL's authority (`user:password@host:port`) and its user part end.
    struct Parts {
        var authority: Range<String.Index>
        /// The `@` that ends the user part, if there is one.
        var userEnd: String.Index?

        init?(_ url: String) {
            guard let scheme = url.range(of: "://") else { return nil }
            let end = url[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? url.endIndex
            authority = scheme.upperBound..<end
            userEnd = url[authority].lastIndex(of: "@")
        }
    }
}
