import CityIndexCore

extension ValueMark {
    /// The level as stored in a period's `quality` column (``ValueTable``): U4SSC's number 1 to 6, or nil.
    var storedQuality: Int64? { quality.map { Int64($0.rawValue) } }
    /// The flag as stored in a period's `verified` column: 1 yes, 0 no, or nil.
    var storedVerified: Int64? { verified.map { $0 ? 1 : 0 } }

    /// The mark of stored columns (a number outside 1…6 cannot be stored: the table checks it).
    init(storedQuality: Int64?, storedVerified: Int64?) {
        self.init(
            quality: storedQuality.flatMap { DataQuality(rawValue: Int($0)) },
            verified: storedVerified.map { $0 != 0 })
    }

    /// The mark in one byte, for values held during an import: the level's number in the low
    /// four bits (0: not stated), the flag above (0 not stated, 1 no, 2 yes).
    var packed: UInt8 {
        UInt8(quality?.rawValue ?? 0) | (verified.map { $0 ? 2 : 1 } ?? 0) << 4
    }

    /// The mark of ``packed``.
    init(packed: UInt8) {
        let flag = packed >> 4
        self.init(quality: DataQuality(rawValue: Int(packed & 0x0F)), verified: flag == 0 ? nil : flag == 2)
    }
}

extension Statement {
    /// Binds `mark`'s level and flag at `index` and `index + 1` (NULL when not stated).
    func bind(_ mark: ValueMark, at index: Int32) throws {
        try bind(mark.storedQuality, at: index)
        try bind(mark.storedVerified, at: index + 1)
    }
}
