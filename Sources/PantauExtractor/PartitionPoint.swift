/// The first index in `0..<count` where `isAbove` holds, for a predicate that is false and
/// then true.
@inline(__always)
func partitionPoint(_ count: Int, _ isAbove: (Int) -> Bool) -> Int {
    var lo = 0, hi = count
    while lo < hi {
        let mid = (lo + hi) / 2
        if isAbove(mid) { hi = mid } else { lo = mid + 1 }
    }
    return lo
}
