import CityIndexCore

extension Store {
    /// The periods that have values for any of `indicators`, oldest first.
    public func periods(indicators: [String]) throws -> [Period] {
        try withLockMapping {
            // A list binds as one JSON array: https://www.sqlite.org/json1.html#jeach
            try database.makeStatement(
                """
                SELECT period FROM observation WHERE indicator IN (SELECT value FROM json_each(?))
                GROUP BY period_order, period ORDER BY period_order
                """
            ).fetchAll(arguments: [.text(try jsonArray(indicators.map(\.nfc)))]) { try period(try $0.string(at: 0)) }
        }
    }
}
