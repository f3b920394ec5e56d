import CityIndexCore

/// How the header rows of CSV files and workbook sheets are written (`--headers`).
///
/// `ids` are the machine names scripts read (`rank`, `unit`, `score_change`), the default of
/// every CSV file; `vi` and `en` are column titles for people (`Hạng`, `Mã đơn vị`; `Rank`,
/// `Unit code`), with Vietnamese or English sheet names in a workbook.
public enum HeaderStyle: String, Sendable, Hashable, CaseIterable {
    case ids, vi, en

    /// The titles of `language`.
    public init(_ language: Language) {
        self = language == .vi ? .vi : .en
    }

    /// The language of the titles, nil for ids.
    public var language: Language? {
        switch self {
        case .ids: nil
        case .vi: .vi
        case .en: .en
        }
    }
}
