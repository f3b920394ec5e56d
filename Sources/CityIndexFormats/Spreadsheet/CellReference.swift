import Foundation

/// A1-style cell references (`C14`, `Data!C14`) as spreadsheets print them.
///
/// ```swift
/// CellReference.name(row: 14, column: 3)              // "C14"
/// CellReference.name(sheet: "Data", row: 14, column: 3) // "Data!C14"
/// CellReference.parse("AA7")                            // (row: 7, column: 27)
/// ```
public enum CellReference {
    /// The letters of 1-based `column`: 1 → `A`, 26 → `Z`, 27 → `AA`.
    public static func columnName(_ column: Int) -> String {
        var n = max(column, 1)
        var letters: [UInt8] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(r))
            n = (n - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// `C14` for 1-based `row` and `column`.
    public static func name(row: Int, column: Int) -> String {
        columnName(column) + String(row)
    }

    /// `Data!C14`; a sheet name holding spaces or punctuation is quoted as spreadsheets do (`'My data'!C14`).
    public static func name(sheet: String, row: Int, column: Int) -> String {
        let plain = sheet.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" }
        let quotedSheet = plain && !sheet.isEmpty ? sheet : "'" + sheet.replacingOccurrences(of: "'", with: "''") + "'"
        return quotedSheet + "!" + name(row: row, column: column)
    }

    /// The 1-based row and column of an A1 reference such as `AA7` (`$` signs ignored), or `nil`.
    public static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0
        var row = 0
        var digits = false
        for byte in reference.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard !digits, column < 1_000_000 else { return nil }
                column = column * 26 + Int((byte & 0xDF) - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard row < 100_000_000 else { return nil }
                digits = true
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default:
                return nil
            }
        }
        guard column > 0, row > 0 else { return nil }
        return (row, column)
    }
}
