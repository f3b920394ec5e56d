import CityIndexCore

extension Store {
    /// The periods that have values for any of `indicators`, oldest first.
    public func periods(indicators: [String]) throws -> [Period] {
        try withLockMapping {
            // A list binds as one JSON array: https://www.sqlite.org/json1.html#jeach
            try database.makeStatement(
                """
                SELECT p.text FROM period_key p
                WHERE EXISTS (
                    SELECT 1 FROM observation_value v JOIN indicator_key i ON i.id = v.indicator_id
                    WHERE v.period_id = p.id AND i.code IN (SELECT value FROM json_each(?)))
                ORDER BY p.period_order, p.text
                """
            ).fetchAll(arguments: [.text(try jsonArray(indicators.map(\.nfc)))]) { try period(try $0.string(at: 0)) }
        }
    }
}
