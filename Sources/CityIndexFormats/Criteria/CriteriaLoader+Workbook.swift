import CityIndexCore

extension CriteriaLoader {
    /// Loads a flat criteria table (COINr iMeta layout) from a sheet of the workbook at `path`.
    ///
    /// The sheet is `sheet` when given, else one named `iMeta` or `criteria` (any case), else the
    /// first. The set's id is the file name without its extension. Problems are placed by cell
    /// (`imeta.xlsx: iMeta!C14 (table row 13 (iCode x) column Weight): …`).
    ///
    /// ```swift
    /// let loaded = try CriteriaLoader().loadTable(workbookPath: "imeta.xlsx")
    /// ```
    public func loadTable(workbookPath path: String, sheet: String? = nil) throws(CriteriaError) -> CriteriaLoadResult {
        let table: XLSXTable
        do {
            let book = try XLSXReader(path: path)
            let preferred = book.sheetNames.first { ["imeta", "criteria"].contains($0.lowercased()) }
            table = try book.table(sheet: sheet ?? preferred)
        } catch {
            throw CriteriaError.cannotRead(file: path, reason: error.description)
        }
        return try loadTable(table: table)
    }

    /// Loads a flat criteria table from the rows of a workbook sheet.
    public func loadTable(table: XLSXTable) throws(CriteriaError) -> CriteriaLoadResult {
        var log = ProblemLog(limit: maxProblems)
        var source = SheetRecordSource(table: table, removesFormulaGuard: true)
        let draft = TableReader.read(&source, name: table.file, log: &log)
        try log.check()
        var set = CriteriaSet(id: Self.stem(table.file), nodes: draft.nodes, file: table.file)
        let attributes = CriteriaChecks.check(set, denominatorPlaces: draft.denominatorPlaces, targetsGiven: targetsFile != nil, log: &log)
        try log.check()
        try attachTargets(to: &set, declaredAt: nil, directory: "")
        var result = CriteriaLoadResult(set: set, warnings: log.warnings, groups: draft.groups, attributeDenominators: attributes)
        result.references = draft.references
        return result
    }
}
