import CityIndexCore
import Foundation

/// The rows a data-entry template (`cityindex template`) writes above its header in the
/// workbook: each indicator's name and its unit of measure, in the report language, over the
/// indicator's id. The first cell of such a row is its title (`Tên chỉ tiêu`, `Đơn vị đo`,
/// `Indicator name`, `Unit of measure`); the observation reader skips rows with those first
/// cells that come before the header, so a filled-in template imports as it is.
public enum TemplateLabelRow: String, Sendable, CaseIterable {
    /// The indicators' names.
    case name
    /// The indicators' units of measure.
    case unit

    /// The row's title, its first cell, in `language`.
    public func title(in language: Language) -> String {
        switch (self, language) {
        case (.name, .vi): "Tên chỉ tiêu"
        case (.name, .en): "Indicator name"
        case (.unit, .vi): "Đơn vị đo"
        case (.unit, .en): "Unit of measure"
        }
    }

    /// Whether a record whose first field is `first` is a label row (in either language,
    /// ignoring case and surrounding spaces).
    public static func isLabel(first: String) -> Bool {
        let key = first.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping.lowercased()
        return titles.contains(key)
    }

    private static let titles: Set<String> = Set(
        allCases.flatMap { row in Language.allCases.map { row.title(in: $0).lowercased() } })
}
