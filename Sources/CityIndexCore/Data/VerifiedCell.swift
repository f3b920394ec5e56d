import Foundation

/// Whether a value was verified, as a data file writes it: yes/no, true/false, 1/0, có/không.
public enum VerifiedCell {
    /// The accepted values, for messages.
    public static let accepted = "yes or no (also true/false, 1/0, có/không)"

    /// The flag a cell writes, or nil when it writes none of the accepted spellings (compared
    /// in NFC, ignoring case; the caller leaves empty cells out: not stated).
    public static func parse(_ cell: String) -> Bool? {
        switch cell.precomposedStringWithCanonicalMapping.lowercased().trimmingCharacters(in: .whitespaces) {
        case "yes", "true", "1", "có": return true
        case "no", "false", "0", "không": return false
        default: return nil
        }
    }
}
