extension String {
    /// The string without leading and trailing ASCII spaces and tabs.
    var trimmingASCIISpaces: String {
        // Most fields need no trimming: answer without copying.
        let view = utf8
        guard let first = view.first, let last = view.last else { return self }
        if first != 0x20, first != 0x09, last != 0x20, last != 0x09 { return self }
        let bytes = Array(view)
        var lo = 0
        var hi = bytes.count
        while lo < hi, bytes[lo] == 0x20 || bytes[lo] == 0x09 { lo += 1 }
        while hi > lo, bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09 { hi -= 1 }
        return String(decoding: bytes[lo..<hi], as: UTF8.self)
    }

    /// The string with each ASCII byte mapped (`nil` drops it); non-ASCII bytes are kept.
    func replacingBytes(_ transform: (UInt8) -> UInt8?) -> String {
        String(decoding: utf8.compactMap { $0 < 0x80 ? transform($0) : $0 }, as: UTF8.self)
    }
}
