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
    ///   partial index of those values (schema step 5): a period whose values state none costs
    ///   one index lookup, not a scan of its values.
    public func valueMarks(period: Period, indicators: [String]) throws -> [(unit: String, indicator: String, mark: ValueMark)] {
        try withLockMapping {
            try database.makeStatement(
                """
                SELECT u.code, i.code, v.quality, v.verified
                FROM observation_value v INDEXED BY observation_value_marked
                JOIN unit_key u ON u.id = v.unit_id
                JOIN indicator_key i ON i.id = v.indicator_id
                WHERE v.period_id = (SELECT id FROM period_key WHERE text = ?)
                    AND (v.quality IS NOT NULL OR v.verified IS NOT NULL)
                    AND i.code IN (SELECT value FROM json_each(?))
                ORDER BY u.code, i.code
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
