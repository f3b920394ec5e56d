import Foundation

/// The form of a unit name used for matching: no case, no diacritics, no administrative prefix.
///
/// `"Thành phố Hồ Chí Minh"`, `"TP. Hồ Chí Minh"` and `"ho chi minh"` share the key `"ho chi minh"`;
/// `"Tỉnh Đắk Lắk"` and `"Dak Lak"` share `"dak lak"`.
public enum UnitNameKey {
    /// Administrative prefixes removed before matching, already folded.
    static let prefixes = ["thanh pho ", "tp. ", "tp ", "tinh "]

    /// The matching key of `name`.
    public static func key(_ name: String) -> String {
        var s = fold(name)
        s = s.replacingOccurrences(of: "tp.", with: "tp. ")
        s = s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        for p in prefixes where s.hasPrefix(p) {
            s.removeFirst(p.count)
            break
        }
        return s.trimmingSpaces
    }

    /// Lower case without diacritics (đ → d).
    public static func fold(_ s: String) -> String {
        s.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }
}
