/// Bounds that keep reading a hostile or broken workbook within memory.
public struct XLSXReadLimits: Sendable, Equatable {
    /// The largest uncompressed size accepted for one part of the workbook, in bytes (default 200 MiB).
    /// Larger parts (a "zip bomb", or a sheet too big to hold in memory) are refused before unpacking.
    public var maxEntryBytes: UInt64
    /// The most rows read from one sheet (default 1,048,576, Excel's own limit).
    public var maxRows: Int
    /// The most columns read from one sheet (default 16,384, Excel's own limit).
    public var maxColumns: Int

    /// Creates limits.
    public init(maxEntryBytes: UInt64 = 200 << 20, maxRows: Int = 1_048_576, maxColumns: Int = 16_384) {
        self.maxEntryBytes = maxEntryBytes
        self.maxRows = maxRows
        self.maxColumns = maxColumns
    }
}
