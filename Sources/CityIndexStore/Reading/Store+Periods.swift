import CityIndexCore

extension Store {
    /// The periods that have values for any of `indicators`, oldest first.
    public func periods(indicators: [String]) throws -> [Period] {
        try withLockMapping {
            // A list binds as one JSON array: https://www.sqlite.org/json1.html#jeach
            let list = DatabaseValue.text(try jsonArray(indicators.map(\.nfc)))
            return try periods { table in
                try database.makeStatement(
                    "SELECT 1 FROM " + table + " v JOIN indicator_key i ON i.id = v.indicator_id"
                        + " WHERE i.code IN (SELECT value FROM json_each(?)) LIMIT 1"
                ).fetchOne(arguments: [list]) { _ in true } != nil
            }
        }
    }

    /// The periods whose table (``ValueTable``) `holds` says yes to, oldest first.
    func periods(where holds: (String) throws -> Bool) throws -> [Period] {
        let ids = Set(try ValueTable.periodIDs(in: database).filter { try holds(ValueTable(periodID: $0).name) })
        return try database.makeStatement("SELECT id, text FROM period_key ORDER BY period_order, text")
            .fetchAll { (id: try $0.int64(at: 0), text: try $0.string(at: 1)) }
            .filter { ids.contains($0.id) }
            .map { try period($0.text) }
    }
}
