import CityIndexCore
import Foundation

/// The header names an observation file may use for each ``ColumnRole`` without `--columns`,
/// in English and in Vietnamese (the README lists them).
///
/// Headers compare in NFC, ignoring case, runs of spaces and spaces around `/` and `,`
/// (`Tỉnh / Thành phố` is `Tỉnh/thành phố`). A header written without its diacritics matches too
/// (`Ma tinh`, `Gia tri`), except where that spelling is another word: `Nam` (male, south) is
/// not `Năm` (year). A bare `Tỉnh` is not a name header: in a table of districts it is the
/// province, an attribute.
public enum ColumnHeaderNames {
    /// Each role's accepted names, as a user writes them.
    public static let accepted: [(role: ColumnRole, names: [String])] = [
        (.unit, ["unit", "code", "uCode", "Mã tỉnh", "Mã", "Mã đơn vị", "Mã tỉnh/thành phố"]),
        (.name, [
            "name", "uName", "Tỉnh/thành phố", "Tỉnh, thành phố", "Tên tỉnh", "Tên tỉnh/thành phố", "Đơn vị",
            "Tên đơn vị", "Địa phương",
        ]),
        (.period, ["period", "time", "Năm", "Kỳ", "Thời gian", "Thời kỳ"]),
        (.indicator, ["indicator", "Chỉ tiêu", "Mã chỉ tiêu"]),
        (.value, ["value", "Giá trị", "Số liệu"]),
        (.source, ["source", "Nguồn", "Nguồn số liệu"]),
        (.note, ["note", "Ghi chú"]),
        (.quality, ["quality", "data quality", "Chất lượng", "Chất lượng dữ liệu"]),
        (.verified, ["verified", "Đã xác minh", "Xác minh"]),
    ]

    /// Spellings without diacritics that are other words, so match only as written.
    static let otherWords: Set<String> = ["nam"]

    private static let exact: [String: ColumnRole] = {
        var table: [String: ColumnRole] = [:]
        for (role, names) in accepted { for n in names { table[canonical(n)] = role } }
        return table
    }()

    private static let folded: [String: ColumnRole] = {
        var table: [String: ColumnRole] = [:]
        for (role, names) in accepted {
            for n in names where !otherWords.contains(fold(n)) { table[fold(n)] = role }
        }
        return table
    }()

    /// The role a header names, if it is one of the accepted names.
    ///
    /// - Complexity: O(header length).
    public static func role(of header: String) -> ColumnRole? {
        let c = canonical(header)
        if let role = exact[c] { return role }
        return folded[UnitNameKey.fold(c)]
    }

    /// NFC, lower case, single spaces, no spaces around `/` and `,`.
    static func canonical(_ header: String) -> String {
        let words = header.precomposedStringWithCanonicalMapping.lowercased().split(whereSeparator: \.isWhitespace)
        var out = ""
        for w in words {
            if !out.isEmpty, out.last != "/", out.last != ",", w.first != "/", w.first != "," { out += " " }
            out += w
        }
        return out
    }

    /// ``canonical(_:)`` without diacritics (đ → d).
    static func fold(_ header: String) -> String { UnitNameKey.fold(canonical(header)) }
}
