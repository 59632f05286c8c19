import Testing
@testable import PantauFetch

@Suite struct URLRedactionTests {
    @Test(arguments: [
        ("https://example.org/feed.xml", "https://example.org/feed.xml"),
        ("https://example.org/feed.xml?page=2&lang=id", "https://example.org/feed.xml?page=2&lang=id"),
        ("https://alice:s3cret@example.org/feed", "https://alice:***@example.org/feed"),
        ("https://ghp_abc123@example.org/feed", "https://***@example.org/feed"),
        ("https://alice:p@ss@example.org:8443", "https://alice:***@example.org:8443"),
        ("https://github.com/u.private.atom?token=ABC", "https://github.com/u.private.atom?token=***"),
        ("https://x.org/rss?lang=id&api_key=K1&Access_Token=T2&author=bob#top", "https://x.org/rss?lang=id&api_key=***&Access_Token=***&author=bob#top"),
        ("https://x.org/rss?key=1&sig=2&client_secret=3&password=4&q", "https://x.org/rss?key=***&sig=***&client_secret=***&password=***&q"),
        ("https://x.org/a#frag?token=1", "https://x.org/a#frag?token=1"),
        ("https://x.org?token=1", "https://x.org?token=***"),
        ("http://u:p@[::1]:8080/feed", "http://u:***@[::1]:8080/feed"),
        ("https://x.org/a/user@host/feed", "https://x.org/a/user@host/feed"),
        ("file:///var/lib/feeds/a.xml", "file:///var/lib/feeds/a.xml"),
        ("not a url ?token=1", "not a url ?token=1"),
    ])
    func hidesCredentialsAndSecretParametersButKeepsTheRest(url: String, shown: String) {
        #expect(URLRedaction.redact(url) == shown)
    }

    @Test(arguments: [
        ("https://hooks.slack.com/services/T0/B0/XYZ", "https://hooks.slack.com/…"),
        ("https://user:pw@hooks.example.org:8443/hook?token=1", "https://hooks.example.org:8443/…"),
        ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
        ("http://127.0.0.1:9000/", "http://127.0.0.1:9000/"),
        ("nonsense", "***"),
    ])
    func webhookOriginsShowNoPath(url: String, shown: String) {
        #expect(URLRedaction.origin(url) == shown)
    }

    @Test(arguments: [
        ("https://alice:s3cret@example.org/feed?token=1", "https://example.org/feed?token=1"),
        ("https://t0ken@example.org:8443", "https://example.org:8443"),
        ("https://example.org/a/b@c", "https://example.org/a/b@c"),
        ("https://example.org/feed", "https://example.org/feed"),
    ])
    func withoutUserDropsOnlyTheUserPart(url: String, base: String) {
        #expect(URLRedaction.withoutUser(url) == base)
    }

    @Test func fetchErrorsShowTheRedactedURL() {
        let error = FetchError(.connect, url: "https://bob:hunter2@example.org/feed?token=T", message: "refused")
        #expect(error.description.contains("https://bob:***@example.org/feed?token=***"))
        #expect(!error.description.contains("hunter2") && !error.description.contains("token=T"))
        #expect(error.url == "https://bob:hunter2@example.org/feed?token=T")
    }
}
