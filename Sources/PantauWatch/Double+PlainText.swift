extension Double {
    /// Whole numbers without a decimal point (`1500`), others as Swift prints them (`1.5`):
    /// how counts, weights and times read in reasons, records and stored stories.
    var plainText: String {
        self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}
