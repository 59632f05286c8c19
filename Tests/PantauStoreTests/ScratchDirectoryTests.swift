import Foundation
import PantauTestSupport
import Testing

@Suite struct ScratchDirectoryTests {
    @Test func removesItsDirectoryAndContentsWhenReleased() throws {
        var scratch: ScratchDirectory? = ScratchDirectory("pantau-scratch")
        let path = scratch!.path
        #expect(path.hasPrefix(NSTemporaryDirectory()))
        try FileManager.default.createDirectory(atPath: path + "/nested", withIntermediateDirectories: true)
        try "x".write(toFile: path + "/nested/file", atomically: false, encoding: .utf8)
        #expect(FileManager.default.fileExists(atPath: path + "/nested/file"))
        scratch = nil
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func givesEveryInstanceItsOwnPath() {
        #expect(ScratchDirectory("pantau-scratch").path != ScratchDirectory("pantau-scratch").path)
    }
}
