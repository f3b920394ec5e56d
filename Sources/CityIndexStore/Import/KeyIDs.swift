/// The ids of the codes stored in one key table (`unit_key`, `indicator_key` or `period_key`),
/// read once when an import begins, and the ids that import gives the codes it meets first.
///
/// A new code gets the id SQLite would give it (one more than the greatest), so an import
/// learns its ids without asking the store, which another thread may be writing to.
struct KeyIDs {
    private var ids: [String: Int64]
    private var next: Int64

    /// The key tables, by the query that lists their codes and ids.
    enum Table: String {
        case unit = "SELECT code, id FROM unit_key"
        case indicator = "SELECT code, id FROM indicator_key"
        case period = "SELECT text, id FROM period_key"
    }

    /// Reads every `(code, id)` of `table`.
    init(database: Database, table: Table) throws {
        let statement = try database.makeStatement(table.rawValue)
        let rows = try statement.fetchAll { row in (code: try row.string(at: 0), id: try row.int64(at: 1)) }
        ids = Dictionary(rows.map { ($0.code, $0.id) }, uniquingKeysWith: { first, _ in first })
        next = (rows.map(\.id).max() ?? 0) + 1
    }

    /// The id of `code` (in NFC), and whether this call gave it (the code is new to the store).
    mutating func id(for code: String) -> (id: Int64, isNew: Bool) {
        if let id = ids[code] { return (id, false) }
        let id = next
        next += 1
        ids[code] = id
        return (id, true)
    }
}
