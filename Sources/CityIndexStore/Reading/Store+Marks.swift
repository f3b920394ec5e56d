import CityIndexCore

extension Store {
    /// The values of `period` that state a data-quality level or a verified flag, with their
    /// marks, by unit code and indicator id (values stating nothing are left out).
    ///
    /// ```swift
    /// let marks = try store.valueMarks(period: .year(2024), indicators: set.indicatorIDs)
    /// marks.first   // (unit: "01", indicator: "gdp", mark: ValueMark(quality: .measured, verified: true))
    /// ```
    /// - Complexity: O(m log n) for the m values of the period that state a mark, through the
    ///   partial index of those values in the period's table (``ValueTable``): a period whose
    ///   values state none costs one index lookup, not a scan of its values.
    public func valueMarks(period: Period, indicators: [String]) throws -> [(unit: String, indicator: String, mark: ValueMark)] {
        try withLockMapping {
            guard
                let periodID = try database.makeStatement("SELECT id FROM period_key WHERE text = ?")
                    .fetchOne(arguments: [.text(period.description)], { try $0.int64(at: 0) }),
                try ValueTable.exists(periodID: periodID, in: database)
            else { return [] }
            let table = ValueTable(periodID: periodID)
            return try database.makeStatement(
                "SELECT u.code, i.code, v.quality, v.verified FROM " + table.name + " v INDEXED BY " + table.markedIndex + " "
                    + Self.markedValuesJoin
            ).fetchAll(arguments: [.integer(periodID), .text(try jsonArray(indicators.map(\.nfc)))]) { row in
                (
                    unit: try row.string(at: 0), indicator: try row.string(at: 1),
                    mark: ValueMark(storedQuality: row.optionalInt64(at: 2), storedVerified: row.optionalInt64(at: 3))
                )
            }
        }
    }

    /// The rest of ``valueMarks(period:indicators:)``'s query, after its table and index.
    private static let markedValuesJoin = """
        JOIN unit_key u ON u.id = v.unit_id
        JOIN indicator_key i ON i.id = v.indicator_id
        WHERE v.period_id = ?
            AND (v.quality IS NOT NULL OR v.verified IS NOT NULL)
            AND i.code IN (SELECT value FROM json_each(?))
        ORDER BY u.code, i.code
        """
}
