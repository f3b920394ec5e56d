import Foundation
import CityIndexCore

/// A unit registry: the units a criteria set is scored on, with attributes and validity dates.
///
/// CSV columns: `code, name` (required), `name_en, type, valid_from, valid_to, successors`
/// (optional); every other column is a unit attribute (`region`, `population` …).
public struct UnitRegistry: Sendable {
    /// One unit of the registry: a code with its validity.
    public typealias Entry = RegisteredUnit

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

    /// Whether `text` is a day written `YYYY-MM-DD`.
    static func isDay(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D else { return false }
        guard b.enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 || (0x30...0x39).contains($0.element) }) else { return false }
        let month = Int(text.dropFirst(5).prefix(2)) ?? 0, day = Int(text.suffix(2)) ?? 0
        return (1...12).contains(month) && (1...31).contains(day)
    }

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
        var lines: [Int] = []
        while let record = try reader.nextRecord() {
            try record.checkFieldCount(names.count, file: path)
            let f = record.fields
            let c = f[code].trimmingCharacters(in: .whitespaces)
            guard !c.isEmpty else { throw RegistryError.emptyCode(file: path, line: record.line) }
            var attributes: [String: String] = [:]
            for (k, n) in names.enumerated() where !reserved.contains(n) && !f[k].isEmpty {
                attributes[header.fields[k].trimmingCharacters(in: .whitespaces)] = f[k]
            }
            func optional(_ n: String) -> String? { col(n).flatMap { f[$0].isEmpty ? nil : f[$0] } }
            for column in ["valid_from", "valid_to"] {
                if let day = optional(column), !Self.isDay(day) {
                    throw RegistryError.badDate(file: path, line: record.line, column: (col(column) ?? 0) + 1, text: day)
                }
            }
            let unit = UnitInfo(code: c, name: f[name], nameEN: optional("name_en"), attributes: attributes)
            let successors = optional("successors")?.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
            let entry = Entry(unit: unit, validFrom: optional("valid_from"), validTo: optional("valid_to"), successors: successors, registry: path)
            if let from = entry.validFrom, let to = entry.validTo, from > to {
                throw RegistryError.badValidity(file: path, line: record.line, from: from, to: to)
            }
            // A code may come back with another validity (a reused code), never twice at once.
            if let k = entries.indices.first(where: { entries[$0].unit.code == c && entries[$0].coexists(with: entry) }) {
                throw RegistryError.duplicateCode(file: path, line: record.line, code: c, firstLine: lines[k])
            }
            entries.append(entry)
            lines.append(record.line)
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
    case badDate(file: String, line: Int, column: Int, text: String)
    case badValidity(file: String, line: Int, from: String, to: String)

    public var description: String {
        switch self {
        case let .empty(file): "\(file): the unit registry is empty; expected a header line with code and name"
        case let .missingColumn(file, column): "\(file):1:1: the unit registry has no \"\(column)\" column; expected code, name, name_en, type, … valid_from, valid_to, successors"
        case let .emptyCode(file, line): "\(file):\(line):1: a unit has no code"
        case let .duplicateCode(file, line, code, first): "\(file):\(line):1: unit code \"\(code)\" appears twice in force at the same time (first on line \(first)); a reused code needs valid_from and valid_to that do not overlap"
        case let .badDate(file, line, column, text): "\(file):\(line):\(column): \"\(text)\" is not a date; expected YYYY-MM-DD, such as 2025-07-01"
        case let .badValidity(file, line, from, to): "\(file):\(line):1: valid_from \(from) is after valid_to \(to)"
        }
    }
}
