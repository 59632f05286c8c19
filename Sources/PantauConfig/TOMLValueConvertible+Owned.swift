import CTOML
import Glibc
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
    var node: OpaquePointer? { TOMLNode.pointer(of: tomlValue) }

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

/// Finds the CTOML node behind a TOMLKit value.
enum TOMLNode {
    /// Whether a `TOMLValue` keeps its node pointer in its first bytes, where reflection
    /// finds it: checked once, on a probe value (whose node, a few dozen bytes, TOMLKit never
    /// frees). Reflecting every value costs microseconds each (+4 ms on loading 1,000 feeds).
    static let pointerFirst: Bool = {
        let probe: TOMLValue = "probe"
        guard let reflected = reflectedPointer(of: probe) else { return false }
        return withUnsafeBytes(of: probe) { $0.count >= MemoryLayout<OpaquePointer>.size && $0.load(as: OpaquePointer.self) == reflected }
    }()

    /// The node of `value`: from its first bytes when ``pointerFirst``, else by reflection.
    static func pointer(of value: TOMLValue) -> OpaquePointer? {
        pointerFirst ? withUnsafeBytes(of: value) { $0.load(as: OpaquePointer.self) } : reflectedPointer(of: value)
    }

    /// The node pointer that reflection finds in `value`, if any.
    static func reflectedPointer(of value: TOMLValue) -> OpaquePointer? {
        Mirror(reflecting: value).descendant("tomlValuePointer") as? OpaquePointer
    }
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
