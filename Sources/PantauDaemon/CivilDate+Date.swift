import Foundation
import PantauExtractor

extension CivilDate {
    /// The UTC calendar day of `date`.
    init(utc date: Date) {
        self.init(daysSinceEpoch: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
