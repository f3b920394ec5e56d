extension ObservationFile {
    /// How an observation file arranges its values, detected from the header (ignoring case).
    public enum Layout: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// One value per row: `unit,indicator,period,value[,source,note][,quality,verified]` (`code` or `name` may stand for `unit`).
        case long
        /// One unit (and period) per row: `unit` or `code`, optional `name` and `period`, then one column per indicator.
        case wide
        /// COINr's iData: `uCode`, `uName`, `Time`, `*_group` columns, then indicator columns.
        case coinr
        /// One indicator, one unit per row and one column per period (`Mã tỉnh,Tỉnh/thành phố,2010,2012`),
        /// as statistical offices publish tables; the indicator is named by `--indicator` or the sheet.
        case periodColumns = "period-columns"

        /// The layout of a file with these column names, or `nil` when none fits (accepted
        /// names in English or Vietnamese, ``ColumnHeaderNames``; no `--columns`, no indicator ids).
        ///
        /// A `uCode` column means COINr; an indicator or value column means long; a unit or
        /// name column with columns headed by periods (`2016`) and no period column means
        /// period columns; a unit or name column otherwise means wide.
        public static func detect(header: [String]) -> Layout? {
            let roles = header.map { ColumnHeaderNames.role(of: $0.trimmingASCIISpaces) }
            let periods = zip(header, roles).map { $1 == nil && ObservationColumns.looksLikePeriod($0.trimmingASCIISpaces) }
            return detect(header: header, roles: roles, periodHeaders: periods)
        }

        /// The layout of a header whose columns' roles (and which of them look like periods) are known.
        static func detect(header: [String], roles: [ColumnRole?], periodHeaders: [Bool]) -> Layout? {
            if header.contains(where: { $0.trimmingASCIISpaces.lowercased() == "ucode" }) { return .coinr }
            let present = Set(roles.compactMap { $0 })
            // An indicator column without a value column is a long file missing a column, not a
            // wide file with an attribute named "indicator": the reader then names the missing
            // column (and a value column without an indicator column, the missing indicator).
            if present.contains(.indicator) || present.contains(.value) { return .long }
            guard present.contains(.unit) || present.contains(.name) else { return nil }
            if !present.contains(.period), periodHeaders.contains(true) { return .periodColumns }
            return .wide
        }

        /// `long`, `wide`, `coinr` or `period-columns`.
        public var description: String { rawValue }
    }
}
