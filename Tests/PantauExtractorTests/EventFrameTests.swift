import Testing
@testable import PantauExtractor

@Suite struct EventFrameTests {
    func frames(_ text: String) -> [EventFrame] { sharedExtractor.extract(text).events }

    @Test(arguments: [
        ("Korea Utara telah mengirimkan pasukan ke Rusia.", "North Korea", "Russia"),
        ("Pengerahan tentara Rusia ke perbatasan Ukraina terus berlanjut.", "Russia", "Ukraine"),
        ("Tentara Korea Utara ditempatkan di Kursk, kata pejabat Ukraina.", "North Korea", "Kursk"),
        ("North Korean troops have been deployed to Kursk, officials said.", "North Korea", "Kursk"),
        ("China dispatched warships to the Taiwan Strait on Monday.", "China", "Taiwan Strait"),
    ])
    func deploymentFramesNameActorAndDestination(text: String, actor: String, destination: String) {
        let f = frames(text).first { $0.type == .deployment }
        #expect(f?.actor == actor)
        #expect(f?.destination == destination)
    }

    @Test(arguments: [
        // Each trigger word in a sense that is not a military deployment.
        "Pelatih mengirim skuad terbaiknya untuk laga final di Jakarta.",
        "Pengiriman paket ke Rusia ditunda karena pemeriksaan bea cukai.",
        "Polisi mengerahkan 1.000 personel untuk mengatur arus mudik Lebaran.",
        "Ribuan relawan dikirim ke Aceh setelah gempa.",
        "In the game, players deploy troops to conquer Europe.",
        "The coach sent the squad to Japan for the league match.",
        "Pasukan Kuning dikerahkan membersihkan sampah di Monas.",
        "The firm deployed its new app to users in Russia.",
    ])
    func lookAlikesRaiseNoDeployment(text: String) {
        #expect(!frames(text).contains { $0.type == .deployment })
    }

    @Test(arguments: [
        "Eskalasi harga beras membuat warga mengeluh.",
        "The escalation of prices hit shoppers hard.",
        "Serangan jantung menjadi penyebab kematian tertinggi.",
    ])
    func economicAndMedicalEscalationIsNotMilitary(text: String) {
        #expect(!frames(text).contains { $0.type == .escalation })
    }

    @Test func hedgesAndSourcesAreRecorded() {
        let f = frames("Rusia diduga mengirim 2.000 tentara ke Belarus, dilansir dari Reuters.").first
        #expect(f?.hedged == true)
        #expect(f?.claimedBy == "Reuters")
        #expect(f?.count == 2000)
        let g = frames("Russia reportedly sent 2,000 troops to Belarus.").first
        #expect(g?.hedged == true)
        let h = frames("Russia sent 2,000 troops to Belarus, the ministry said.").first
        #expect(h?.hedged == false)
    }

    @Test func escalationFrameFindsAttackerAndTarget() {
        let f = frames("Invasi Rusia ke Ukraina memasuki tahun ketiga.").first
        #expect(f?.type == .escalation)
        #expect(f?.actor == "Russia")
        #expect(f?.destination == "Ukraine")
    }
}
