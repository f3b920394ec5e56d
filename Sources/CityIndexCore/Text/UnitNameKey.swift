import Foundation

/// The form of a unit name used for matching: no case, no diacritics, no administrative prefix.
///
/// `"Thành phố Hồ Chí Minh"`, `"TP. Hồ Chí Minh"` and `"ho chi minh"` share the key `"ho chi minh"`;
/// `"Tỉnh Đắk Lắk"` and `"Dak Lak"` share `"dak lak"`; `"Bà Rịa - Vũng Tàu"` and `"Bà Rịa–Vũng Tàu"`
/// share `"ba ria vung tau"`.
public enum UnitNameKey {
    /// Administrative prefixes removed before matching, already folded.
    static let prefixes = ["thanh pho ", "tp ", "tinh "]

    /// The matching key of `name`: folded, punctuation as spaces, prefix removed.
    public static func key(_ name: String) -> String {
        let folded = fold(name)
        let words = folded.split { !($0.isLetter || $0.isNumber) }
        var s = words.joined(separator: " ")
        for p in prefixes where s.hasPrefix(p) && s.count > p.count {
            s.removeFirst(p.count)
            break
        }
        return s
    }

    /// Lower case without diacritics (đ → d).
    public static func fold(_ s: String) -> String {
        s.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
    }
}
