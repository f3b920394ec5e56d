import CityIndexCore

extension CriteriaLoader {
    /// Loads a set from a flat table (COINr iMeta layout) at `path`. The set's id is the file
    /// name without its extension; set-level settings are the built-in defaults.
    public func loadTable(path: String) throws(CriteriaError) -> CriteriaLoadResult {
        switch Self.readBytes(path) {
        case .success(let bytes): return try loadTable(bytes: bytes, name: path)
        case .failure(let reason): throw CriteriaError.cannotRead(file: path, reason: reason.description)
        }
    }

    /// Loads a set from the bytes of a flat table; `name` names the file in problems and gives the set's id.
    ///
    /// Columns (header names in any case): Level, iCode, iName, Direction (1, -1, higher, lower),
    /// Weight, Unit, Target, Denominator, Parent, Type (Indicator, Aggregate, Group, Denominator),
    /// and optionally Normalise, Min, Max, Transform, Aggregate, iName_vi, Description, Source, Notes,
    /// Scored, DenominatorFactor, Impute, ImputeBy, Treat, OverTime, Combine, CombineBy,
    /// CombineStage, RangeMin, RangeMax.
    /// `Group` rows name unit attributes (``CriteriaLoadResult/groups``); `Denominator` rows become
    /// unscored indicators under the root.
    public func loadTable(bytes: [UInt8], name: String) throws(CriteriaError) -> CriteriaLoadResult {
        var log = ProblemLog(limit: maxProblems)
        let draft = TableReader.read(bytes: bytes, name: name, log: &log)
        try log.check()
        var set = CriteriaSet(id: Self.stem(name), nodes: draft.nodes, file: name)
        let attributes = CriteriaChecks.check(set, denominatorPlaces: draft.denominatorPlaces, targetsGiven: targetsFile != nil, log: &log)
        try log.check()
        try attachTargets(to: &set, declaredAt: nil, directory: "")
        var result = CriteriaLoadResult(set: set, warnings: log.warnings, groups: draft.groups, attributeDenominators: attributes)
        result.references = draft.references
        return result
    }
}
