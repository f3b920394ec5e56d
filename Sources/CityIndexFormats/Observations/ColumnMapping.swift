import CityIndexCore
import Foundation

/// Which header holds what, for headers CityIndex does not recognise: the `--columns` option.
///
/// Written `header=role` pairs separated by commas; the role is one of ``ColumnRole`` or a
/// period, for a column of values of that period in a table with one column per period. A
/// header may itself hold commas: text up to the next `=` belongs to it.
///
/// ```swift
/// let m = try ColumnMapping(parsing: "Mã tỉnh=unit,Năm=period,Chỉ tiêu=indicator,Sơ bộ 2016=2016")
/// m.entries[3].target   // .period(2016)
/// ```
public struct ColumnMapping: Sendable, Hashable, CustomStringConvertible {
    /// What a mapped column becomes.
    public enum Target: Sendable, Hashable, CustomStringConvertible {
        /// A role.
        case role(ColumnRole)
        /// A column of values of this period.
        case period(Period)

        /// The role's name or the period, as written in `--columns`.
        public var description: String {
            switch self {
            case .role(let role): return role.rawValue
            case .period(let period): return period.description
            }
        }
    }

    /// One `header=role` pair.
    public struct Entry: Sendable, Hashable {
        /// The header as the user wrote it (NFC, trimmed).
        public var header: String
        /// What the column holds.
        public var target: Target

        /// Creates a pair.
        public init(header: String, target: Target) {
            self.header = header
            self.target = target
        }
    }

    /// The pairs, in the order given.
    public private(set) var entries: [Entry]

    /// No pairs: headers are read by their names alone.
    public init() {
        entries = []
    }

    /// Parses `Mã tỉnh=unit,Năm=period`; several option values add up.
    ///
    /// - Throws: ``ColumnMappingError`` naming the pair and what to write.
    public init(parsing texts: [String]) throws(ColumnMappingError) {
        entries = []
        for text in texts {
            var pending: [Substring] = []
            for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
                pending.append(piece)
                guard piece.contains("=") else { continue }
                try add(try Self.entry(pending.joined(separator: ",")))
                pending = []
            }
            let rest = pending.joined(separator: ",").trimmingSpaces
            if !rest.isEmpty { throw .noRole(pair: rest) }
        }
    }

    /// Parses one option value; see ``init(parsing:)-([String])``.
    public init(parsing text: String) throws(ColumnMappingError) {
        try self.init(parsing: [text])
    }

    /// Whether no pair was given.
    public var isEmpty: Bool { entries.isEmpty }

    /// `header=role,…`, as given (for the import's options record).
    public var description: String {
        entries.map { "\($0.header)=\($0.target)" }.joined(separator: ",")
    }

    private static func entry(_ pair: String) throws(ColumnMappingError) -> Entry {
        guard let equals = pair.lastIndex(of: "=") else { throw .noRole(pair: pair.trimmingSpaces) }
        let header = String(pair[..<equals]).trimmingSpaces.precomposedStringWithCanonicalMapping
        let written = String(pair[pair.index(after: equals)...]).trimmingSpaces
        guard !header.isEmpty else { throw .noHeader(pair: pair.trimmingSpaces) }
        if let role = ColumnRole(rawValue: written.lowercased()) { return Entry(header: header, target: .role(role)) }
        if let period = Period(written) { return Entry(header: header, target: .period(period)) }
        guard !written.isEmpty else { throw .noRole(pair: pair.trimmingSpaces) }
        let suggestion = ColumnRole.allCases.map(\.rawValue).min {
            EditDistance.between($0, written) < EditDistance.between($1, written)
        }.flatMap { EditDistance.between($0, written) <= 2 ? $0 : nil }
        throw .unknownRole(header: header, role: written, suggestion: suggestion)
    }

    private mutating func add(_ entry: Entry) throws(ColumnMappingError) {
        let key = ColumnHeaderNames.canonical(entry.header)
        if let other = entries.first(where: { ColumnHeaderNames.canonical($0.header) == key }), other.target != entry.target {
            throw .twoRoles(header: entry.header, first: other.target.description, second: entry.target.description)
        }
        if let other = entries.first(where: { $0.target == entry.target && ColumnHeaderNames.canonical($0.header) != key }),
            entry.target != .role(.skip)
        {
            throw .twoColumns(target: entry.target.description, first: other.header, second: entry.header)
        }
        if !entries.contains(entry) { entries.append(entry) }
    }
}

/// A `--columns` value that cannot be used.
public enum ColumnMappingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A pair without `=role`.
    case noRole(pair: String)
    /// A pair without a header before `=`.
    case noHeader(pair: String)
    /// A role that is neither a role nor a period.
    case unknownRole(header: String, role: String, suggestion: String?)
    /// One header given two roles.
    case twoRoles(header: String, first: String, second: String)
    /// Two headers given the same role.
    case twoColumns(target: String, first: String, second: String)

    static let roles = ColumnRole.allCases.map(\.rawValue).joined(separator: ", ") + " or a period such as 2016"

    /// One sentence naming the pair and what to write.
    public var description: String {
        switch self {
        case .noRole(let pair):
            return "--columns: \"\(pair)\" has no role: write HEADER=ROLE, the role one of \(Self.roles)."
        case .noHeader(let pair):
            return "--columns: \"\(pair)\" has no header before \"=\": write HEADER=ROLE."
        case .unknownRole(let header, let role, let suggestion):
            let hint = suggestion.map { "did you mean \"\($0)\"? " } ?? ""
            return "--columns: \"\(role)\" (for column \"\(header)\") is not a role: \(hint)Roles: \(Self.roles)."
        case .twoRoles(let header, let first, let second):
            return "--columns: column \"\(header)\" is given two roles, \(first) and \(second): keep one."
        case .twoColumns(let target, let first, let second):
            return "--columns: columns \"\(first)\" and \"\(second)\" are both given the role \(target): keep one, "
                + "or give the other the role skip."
        }
    }
}
