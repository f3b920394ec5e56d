import CityIndexCore

/// What ``ObservationFileReader/stream(path:_:)`` read besides the values it handed over.
public struct ObservationStream: Sendable, Equatable {
    /// The file name.
    public var name: String
    /// The detected layout.
    public var layout: ObservationFile.Layout
    /// The unit attributes (wide files' extra columns), in file order.
    public var attributes: [RawAttribute]
    /// The rows naming a unit in a period without any of its values, each unit and period once.
    public var emptyRows: [RawEmptyRow] = []
    /// The region and whole-country rows left out.
    public var leftOut = LeftOutRows()
}

extension ObservationFileReader {
    /// Reads the CSV file at `path` chunk by chunk and hands each value to `take` as soon as it
    /// is read, so memory does not grow with the file (``read(path:)`` keeps every value).
    ///
    /// Checks and messages are those of ``read(path:)``. The reader keeps no table of keys:
    /// `take` returns the value the same file gave earlier for the same unit, indicator and
    /// period (a store knows it: the key is already written by this import), or nil. A
    /// different value is a bad row naming both lines (the first found by reading the file
    /// again, which only happens when there are such rows); an equal one is dropped.
    ///
    /// ```swift
    /// let reader = ObservationFileReader(indicatorIDs: ["gdp"])
    /// let summary = try reader.stream(path: "big.csv") { value in
    ///     try writer.write(value)    // returns the earlier value of a key given twice
    /// }
    /// ```
    /// - Throws: ``ObservationFileError`` (``ObservationFileError/badRows(_:)`` lists every bad
    ///   row found), or what `take` throws (reading stops at once).
    /// - Complexity: O(n) in the file's size; memory O(chunk + attributes + bad rows).
    public func stream(path: String, _ take: (RawObservation) throws -> Double?) throws -> ObservationStream {
        var reader: CSVReader
        do { reader = try CSVReader(path: path, options: options) } catch { throw ObservationFileError.csv(error) }
        var failure: (any Error)?
        var pending: [(observation: RawObservation, earlier: Double)] = []
        let scanned = try scan(&reader) { observation in
            do {
                guard let earlier = try take(observation) else { return .ok }
                if earlier == observation.value { return .ok }
                // The message needs the earlier line: filled in below.
                pending.append((observation, earlier))
                return .bad("")
            } catch {
                failure = error
                return .stop
            }
        }
        if let failure { throw failure }
        var badRows = scanned.badRows
        if !pending.isEmpty {
            // Bad rows are appended in order; find each pending one by its place.
            var byPlace: [Int: Int] = [:]
            for (k, row) in badRows.enumerated() where row.message.isEmpty { byPlace[row.line &* 65_536 &+ row.column] = k }
            let lines = try firstLines(path: path, of: pending.map(\.observation))
            for p in pending {
                let o = p.observation
                guard let k = byPlace[o.line &* 65_536 &+ o.column] else { continue }
                let key = Key(unit: o.unitKey, indicator: o.indicator, period: o.period)
                badRows[k].message = Self.twiceMessage(o, previous: p.earlier, line: lines[key] ?? o.line)
            }
        }
        if !badRows.isEmpty { throw ObservationFileError.rows(badRows, more: scanned.moreBadRows) }
        return ObservationStream(
            name: reader.file, layout: scanned.layout, attributes: scanned.attributes, emptyRows: scanned.emptyRows,
            leftOut: scanned.leftOut)
    }

    /// The first line on which each key of `observations` is given in the file at `path`.
    private func firstLines(path: String, of observations: [RawObservation]) throws -> [Key: Int] {
        var wanted = Set(observations.map { Key(unit: $0.unitKey, indicator: $0.indicator, period: $0.period) })
        var lines: [Key: Int] = [:]
        var reader: CSVReader
        do { reader = try CSVReader(path: path, options: options) } catch { throw ObservationFileError.csv(error) }
        var relaxed = self
        relaxed.maxBadRows = Int.max
        _ = try relaxed.scan(&reader) { o in
            let key = Key(unit: o.unitKey, indicator: o.indicator, period: o.period)
            if wanted.remove(key) != nil { lines[key] = o.line }
            return wanted.isEmpty ? .stop : .ok
        }
        return lines
    }
}
