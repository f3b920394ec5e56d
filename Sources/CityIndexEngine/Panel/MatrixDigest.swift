import CityIndexStore

/// The SHA-256 of the matrices a panel is built from, the data half of a stored run's key:
/// the indicator ids in id order, then per period its name and per unit its code and each
/// value present as its column in id order (2 bytes) and its bits (8 bytes), little-endian;
/// no text per value.
///
/// A unit's bytes are written into one buffer with plain stores and handed to the hasher a
/// row at a time (M, 1 M values: about 0.01 s to write the bytes and as long to hash them;
/// appended to an array byte by byte, the digest took 0.03 s).
struct MatrixDigest: ~Copyable {
    private var hasher = SHA256Digest.Hasher()
    /// The matrix columns in id order: `columnsByID[k]` is the column of the `k`th id.
    private let columnsByID: [Int]
    /// One unit's bytes.
    private var row: [UInt8] = []

    /// Starts the digest of matrices with the columns `indicators`.
    init(indicators: [String]) {
        columnsByID = indicators.indices.sorted { indicators[$0] < indicators[$1] }
        let header = Array(columnsByID.map { indicators[$0] }.joined(separator: "\t").utf8) + [0x0A]
        header.withUnsafeBytes { hasher.update($0) }
    }

    /// Adds the period and every unit's values of `matrix`, in the matrix's unit order.
    mutating func add(_ matrix: StoredMatrix) {
        Array("\(matrix.period)\n".utf8).withUnsafeBytes { hasher.update($0) }
        let unitCount = matrix.units.count
        matrix.values.withUnsafeBufferPointer { values in
            for (r, code) in matrix.units.enumerated() {
                let needed = code.utf8.count + 2 + 10 * columnsByID.count
                if row.count < needed { row = [UInt8](repeating: 0, count: needed) }
                let length = row.withUnsafeMutableBytes { out in
                    var at = 0
                    for byte in code.utf8 {
                        out[at] = byte
                        at += 1
                    }
                    out[at] = 0x09
                    at += 1
                    for (k, c) in columnsByID.enumerated() {
                        let v = values[c * unitCount + r]
                        guard !v.isNaN else { continue }
                        out.storeBytes(of: UInt16(truncatingIfNeeded: k).littleEndian, toByteOffset: at, as: UInt16.self)
                        out.storeBytes(of: v.bitPattern.littleEndian, toByteOffset: at + 2, as: UInt64.self)
                        at += 10
                    }
                    out[at] = 0x0A
                    return at + 1
                }
                row.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<length])) }
            }
        }
    }

    /// The digest as 64 lowercase hex digits.
    consuming func finalizeHex() -> String {
        hasher.finalizeHex()
    }
}
