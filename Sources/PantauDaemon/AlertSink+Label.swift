import PantauFetch
import PantauWatch

extension AlertSink {
    /// A short description for logs: `exec /usr/local/bin/notify`,
    /// `webhook https://hooks.slack.com/…` (a webhook's path is often its secret, so only its
    /// origin is shown).
    public var label: String {
        switch kind {
        case .text(let path): "text \(path)"
        case .exec(let command): "exec \(command.first ?? "")"
        case .webhook(let url): "webhook \(URLRedaction.origin(url))"
        }
    }
}
