import CityIndexCore

extension Store {
    /// The values of `period` that state a data-quality level or a verified flag, with their
    /// marks, by unit code and indicator id (values stating nothing are left out).
    ///
    /// ```swift
    /// let marks = try store.valueMarks(period: .year(2024), indicators: set.indicatorIDs)
    /// marks.first   // (unit: "01", indicator: "gdp", mark: ValueMark(quality: .measured, verified: true))
    /// ```
    /// - Complexity: one scan of the period's values.
    public func valueMarks(period: Period, indicators: [String]) throws -> [(unit: String, indicator: String, mark: ValueMark)] {
        try withLockMapping {
            try database.makeStatement(
                """
                SELECT unit, indicator, quality, verified FROM observation
                WHERE period = ? AND (quality IS NOT NULL OR verified IS NOT NULL)
                    AND indicator IN (SELECT value FROM json_each(?))
                ORDER BY unit, indicator
                """
            ).fetchAll(arguments: [.text(period.description), .text(try jsonArray(indicators.map(\.nfc)))]) { row in
                (
                    unit: try row.string(at: 0), indicator: try row.string(at: 1),
                    mark: ValueMark(storedQuality: row.optionalInt64(at: 2), storedVerified: row.optionalInt64(at: 3))
                )
            }
        }
    }
}
