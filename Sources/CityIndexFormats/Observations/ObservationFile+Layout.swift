extension ObservationFile {
    /// How an observation file arranges its values, detected from the header (ignoring case).
    public enum Layout: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// One value per row: `unit,indicator,period,value[,source,note]` (`code` or `name` may stand for `unit`).
        case long
        /// One unit (and period) per row: `unit` or `code`, optional `name` and `period`, then one column per indicator.
        case wide
        /// COINr's iData: `uCode`, `uName`, `Time`, `*_group` columns, then indicator columns.
        case coinr

        /// The layout of a file with these column names, or `nil` when none fits.
        ///
        /// A `uCode` column means COINr; an `indicator` column means long; a `unit`,
        /// `code` or `name` column means wide.
        public static func detect(header: [String]) -> Layout? {
            let names = Set(header.map { $0.trimmingASCIISpaces.lowercased() })
            if names.contains("ucode") { return .coinr }
            // An `indicator` column without `value` is a long file missing a column, not a wide
            // file with an attribute named "indicator": the reader then names the missing column.
            if names.contains("indicator") { return .long }
            if names.contains("unit") || names.contains("code") || names.contains("name") { return .wide }
            return nil
        }

        /// `long`, `wide` or `coinr`.
        public var description: String { rawValue }
    }
}
