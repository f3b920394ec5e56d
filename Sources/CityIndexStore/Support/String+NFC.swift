import Foundation

extension String {
    /// The string in Unicode Normalization Form C, so that byte-wise SQLite comparisons agree
    /// with what users see (`"Hà Nội"` typed on macOS is NFD).
    ///
    /// - Complexity: O(n); ASCII strings (the common case for codes) are returned as they are.
    var nfc: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        return precomposedStringWithCanonicalMapping
    }
}

extension Optional where Wrapped == String {
    /// The wrapped string in NFC, or `nil`.
    var nfc: String? { map(\.nfc) }
}
