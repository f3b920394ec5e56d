/// One record of a CSV file: its fields and where each of them starts.
public struct CSVRecord: Sendable, Equatable {
    /// The fields, unquoted and NFC-normalised.
    public var fields: [String]
    /// Where each field starts (the opening quote for a quoted field).
    public var positions: [CSVPosition]

    /// Creates a record; `positions` has one entry per field.
    public init(fields: [String], positions: [CSVPosition]) {
        self.fields = fields
        self.positions = positions
    }

    /// The 1-based physical line where the record starts.
    public var line: Int { positions.first?.line ?? 0 }

    /// The 1-based character column where field `fieldIndex` starts.
    ///
    /// For an index past the last field, the column of the last field.
    public func column(of fieldIndex: Int) -> Int {
        position(of: fieldIndex).column
    }

    /// Where field `fieldIndex` starts; for an index past the last field, where the last one starts.
    public func position(of fieldIndex: Int) -> CSVPosition {
        if positions.indices.contains(fieldIndex) { return positions[fieldIndex] }
        return positions.last ?? CSVPosition(line: 0, column: 0)
    }

    /// Whether every field is empty or only spaces (as the `,,,` rows spreadsheets leave).
    public var isBlank: Bool {
        fields.allSatisfy { $0.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    }

    /// Checks that the record has `expected` fields (as many as the header).
    ///
    /// - Throws: ``CSVError/raggedRow(file:line:column:expected:found:)`` placed at the first
    ///   surplus field, or at the last field when fields are missing.
    public func checkFieldCount(_ expected: Int, file: String) throws(CSVError) {
        guard fields.count != expected else { return }
        let place = fields.count > expected ? position(of: expected) : position(of: fields.count - 1)
        throw CSVError.raggedRow(
            file: file, line: place.line, column: place.column, expected: expected, found: fields.count)
    }
}
