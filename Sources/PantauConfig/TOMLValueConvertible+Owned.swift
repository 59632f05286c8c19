import CTOML
import Glibc
import Synchronization
import TOMLKit

/// Reading TOML values without TOMLKit's leaks.
///
/// TOMLKit 0.6 hands out each value it reads through CTOML as a `strdup` or `malloc` copy
/// (`string`, `int`, `double`, `bool`) and never frees the copy (LebJe/TOMLKit#26), so every
/// reload kept a copy of every value in the configuration. These read the same CTOML nodes
/// and free the copies. TOMLKit keeps the node pointer internal, so it is found by
/// reflection; should a later TOMLKit store it differently, they fall back to TOMLKit's own
/// accessors (and their leak), and `TOMLValueOwnedTests` fails to say so.
///
/// Only for values read out of a parsed document (a table's or an array's elements).
extension TOMLValueConvertible {
    /// The CTOML node behind this value, when TOMLKit's layout is the one known.
    var node: OpaquePointer? {
        let value = tomlValue
        switch TOMLNodeLayout.state.load(ordering: .relaxed) {
        case TOMLNodeLayout.first:
            // Reflection costs microseconds a value (+4 ms on loading 1,000 feeds); once it
            // has shown where the pointer is, it is read from there.
            return withUnsafeBytes(of: value) { $0.load(as: OpaquePointer.self) }
        case TOMLNodeLayout.elsewhere:
            return Mirror(reflecting: value).descendant("tomlValuePointer") as? OpaquePointer
        default:
            let reflected = Mirror(reflecting: value).descendant("tomlValuePointer") as? OpaquePointer
            let first = withUnsafeBytes(of: value) { $0.count >= MemoryLayout<OpaquePointer>.size ? $0.load(as: OpaquePointer.self) : nil }
            TOMLNodeLayout.state.store(reflected != nil && first == reflected ? TOMLNodeLayout.first : TOMLNodeLayout.elsewhere, ordering: .relaxed)
            return reflected
        }
    }

    /// The string, if the value is one (as TOMLKit's `string`).
    var stringValue: String? {
        guard let node else { return string }
        // CTOML gives nil for a node of another type.
        guard let copy = nodeAsString(node) else { return nil }
        defer { free(UnsafeMutablePointer(mutating: copy)) }
        return String(cString: copy)
    }

    /// The integer, if the value is one (as TOMLKit's `int`).
    var intValue: Int? {
        guard let node else { return int }
        return Self.owned(nodeAsInt(node)).map { Int($0) }
    }

    /// The floating-point number, if the value is one; not an integer (as TOMLKit's `double`).
    var doubleValue: Double? {
        guard let node else { return double }
        return Self.owned(nodeAsDouble(node))
    }

    /// The boolean, if the value is one (as TOMLKit's `bool`).
    var boolValue: Bool? {
        guard let node else { return bool }
        return Self.owned(nodeAsBool(node))
    }

    /// The value a CTOML copy holds, with the copy freed.
    private static func owned<T>(_ copy: UnsafePointer<T>?) -> T? {
        guard let copy else { return nil }
        defer { free(UnsafeMutablePointer(mutating: copy)) }
        return copy.pointee
    }
}

/// Where a `TOMLValue` keeps its node pointer, learnt from the first value read.
enum TOMLNodeLayout {
    /// Not known yet.
    static let unknown: UInt8 = 0
    /// In the value's first bytes, where reflection found it.
    static let first: UInt8 = 1
    /// Anywhere else (or nowhere): found by reflection each time.
    static let elsewhere: UInt8 = 2
    /// One of the above.
    static let state = Atomic<UInt8>(unknown)
}

extension TOMLTable {
    /// The table's keys (as TOMLKit's `keys`, which leaks a `strdup` of each and the list),
    /// with CTOML's copies freed. Reached by reflection like ``TOMLValueConvertible/node``;
    /// only a table with an unknown key or with weights is listed, so it is not cached.
    var ownedKeys: [String] {
        guard let table = Mirror(reflecting: self).descendant("tablePointer") as? OpaquePointer else { return keys }
        let count = tableSize(table)
        let list = tableGetKeys(table)
        defer {
            for i in 0..<count { free(UnsafeMutablePointer(mutating: list[i])) }
            free(UnsafeMutableRawPointer(mutating: list))
        }
        return (0..<count).map { String(cString: list[$0]) }
    }
}
