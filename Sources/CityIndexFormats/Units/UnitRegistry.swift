import Foundation
import CityIndexCore

/// A unit registry: the units a criteria set is scored on, with attributes and validity dates.
///
/// CSV columns: `code, name` (required), `name_en, type, valid_from, valid_to, successors`
/// (optional); every other column is a unit attribute (`region`, `population` …).
public struct UnitRegistry: Sendable {
    /// One unit of the registry.
    public struct Entry: Sendable, Hashable {
        /// The unit, with its attributes.
        public var unit: UnitInfo
        /// First day of validity (`YYYY-MM-DD`), nil for always.
        public var validFrom: String?
        /// Last day of validity (`YYYY-MM-DD`), nil for still valid.
        public var validTo: String?
        /// Codes of the units this one became part of.
        public var successors: [String]

        /// Whether the unit existed during any part of `period`.
        public func isValid(in period: Period) -> Bool {
            (validFrom.map { $0 <= period.lastDay } ?? true) && (validTo.map { $0 >= period.firstDay } ?? true)
        }
    }

    /// The file the registry was read from.
    public var file: String
    /// The units in file order.
    public var entries: [Entry]

    /// Creates a registry from entries.
    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }

    /// The units of the registry.
    public var units: [UnitInfo] { entries.map(\.unit) }

    static let reserved: Set<String> = ["code", "name", "name_en", "valid_from", "valid_to", "successors"]

    /// Reads a registry CSV.
    /// - Throws: `RegistryError` naming the file, line and column of the first problem.
    public static func read(path: String) throws -> UnitRegistry {
        var reader = try CSVReader(path: path)
        guard let header = try reader.nextRecord() else { throw RegistryError.empty(file: path) }
        let names = header.fields.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        guard let code = names.firstIndex(of: "code") else { throw RegistryError.missingColumn(file: path, column: "code") }
        guard let name = names.firstIndex(of: "name") else { throw RegistryError.missingColumn(file: path, column: "name") }
        let col = { (n: String) in names.firstIndex(of: n) }
        var entries: [Entry] = []
        var seen: [String: Int] = [:]
        while let record = try reader.nextRecord() {
            try record.checkFieldCount(names.count, file: path)
            let f = record.fields
            let c = f[code].trimmingCharacters(in: .whitespaces)
            guard !c.isEmpty else { throw RegistryError.emptyCode(file: path, line: record.line) }
            if let first = seen[c] { throw RegistryError.duplicateCode(file: path, line: record.line, code: c, firstLine: first) }
            seen[c] = record.line
            var attributes: [String: String] = [:]
            for (k, n) in names.enumerated() where !reserved.contains(n) && !f[k].isEmpty {
                attributes[header.fields[k].trimmingCharacters(in: .whitespaces)] = f[k]
            }
            func optional(_ n: String) -> String? { col(n).flatMap { f[$0].isEmpty ? nil : f[$0] } }
            let unit = UnitInfo(code: c, name: f[name], nameEN: optional("name_en"), attributes: attributes)
            let successors = optional("successors")?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            entries.append(Entry(unit: unit, validFrom: optional("valid_from"), validTo: optional("valid_to"), successors: successors))
        }
        return UnitRegistry(file: path, entries: entries)
    }
}

/// A unit registry that cannot be read.
public enum RegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    case empty(file: String)
    case missingColumn(file: String, column: String)
    case emptyCode(file: String, line: Int)
    case duplicateCode(file: String, line: Int, code: String, firstLine: Int)

    public var description: String {
        switch self {
        case let .empty(file): "\(file): the unit registry is empty; expected a header line with code and name"
        case let .missingColumn(file, column): "\(file):1:1: the unit registry has no \"\(column)\" column; expected code, name, name_en, type, … valid_from, valid_to, successors"
        case let .emptyCode(file, line): "\(file):\(line):1: a unit has no code"
        case let .duplicateCode(file, line, code, first): "\(file):\(line):1: unit code \"\(code)\" appears twice (first on line \(first))"
        }
    }
}
