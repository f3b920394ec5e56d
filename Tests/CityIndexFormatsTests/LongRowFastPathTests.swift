import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// The fast path of long files (plain records read from the bytes) must give exactly what the
/// general path gives: the same values, places, attributes and bad rows.
@Suite("Long rows: fast path equals general path")
struct LongRowFastPathTests {
    /// A record source that never offers plain records: every row takes the general path.
    struct GeneralOnly: RecordSource {
        var reader: CSVReader
        var file: String { reader.file }
        var sheet: String? { nil }
        var decimalComma: Bool { reader.decimalComma }
        var numberConvention: NumberConvention { reader.numberConvention }
        mutating func nextRecord() throws(CSVError) -> CSVRecord? { try reader.nextRecord() }
    }

    static let ids: Set<String> = ["le", "eys", "mys", "gnipc"]

    func outcome(_ result: () throws(ObservationFileError) -> ObservationFile) -> String {
        do { return "\(try result())" } catch { return "error: \(error)" }
    }

    func compare(_ text: String, ids: Set<String> = ids, period: Period? = nil, options: CSVReadOptions = CSVReadOptions()) throws {
        let reader = ObservationFileReader(options: options, indicatorIDs: ids, defaultPeriod: period, maxBadRows: 5)
        let bytes = Array(text.utf8)
        let fast = outcome { () throws(ObservationFileError) in try reader.read(bytes: bytes, name: "d.csv") }
        let general = outcome { () throws(ObservationFileError) in
            var source: GeneralOnly
            do throws(CSVError) {
                source = GeneralOnly(reader: try CSVReader(bytes: bytes, name: "d.csv", options: options))
            } catch {
                throw .csv(error)
            }
            return try reader.read(&source)
        }
        #expect(fast == general, "\(text.debugDescription)")
    }

    @Test("same result", arguments: [
        "unit,indicator,period,value\nVNM,le,2022,74.6\nVNM,eys,2022,13\nTHA,le,2022,70\n",
        "unit,indicator,period,value\r\nVNM,le,2022,74.6\r\nVNM,LE,2023,75\r\n",
        "unit,indicator,period,value\rVNM,le,2022,74.6\rTHA,le,2022,1",
        "unit,indicator,period,value\nVNM,le,2022,74.6\n\n\nTHA,le,2022,1\n",
        "unit,indicator,period,value\nVNM, le,2022,74.6\nVNM,le ,2022,1\n VNM,eys,2022,2\nTHA,le,2022 ,3\n",
        "unit,indicator,period,value\nVNM,le,2022,NA\nVNM,eys,2022,\nVNM,mys,2022,-\nVNM,gnipc,2022,..\n",
        "unit,indicator,period,value\nVNM,le,2022,12%\nVNM,eys,2022,abc\nVNM,mys,2022,1e999\nVNM,gnipc,2022,1,5\n",
        "unit,indicator,period,value\nVNM,foo,2022,1\nVNM,eyss,2022,1\nVNM,,2022,1\n,le,2022,1\n",
        "unit,indicator,period,value\nVNM,le,2022,1\nVNM,le,2022,2\nVNM,le,2022,1\n",
        "unit,indicator,period,value\nVNM,le,2024Q3,1\nVNM,le,,1\nVNM,le,2024-Q3,1\n",
        "unit,indicator,period,value\nVNM,le,2022\nVNM,le,2022,1,2\nVNM,le,2022,\"1\"\n",
        "unit,indicator,period,value\nHà Nội,le,2022,1\nHa\u{300} Nội,eys,2022,2\n\"VNM\",mys,2022,3\n",
        "unit,indicator,period,value\n'=VNM,le,2022,1\nVNM,le,2023,'-1\n",
        "unit,indicator,period,value,source,note\nVNM,le,2022,1,UNDP,\nVNM,eys,2022,2,, x\nVNM,mys,2022,3,,ok\n",
        "name,indicator,period,value\nViet Nam,le,2022,1\n",
        "unit,indicator,period,value,region\nVNM,le,2022,1,Asia\n",
        "unit,indicator,period,value,\nVNM,le,2022,1,\nVNM,le,2023,1,x\n",
        "unit,indicator,period,value\n,,,\n , , , \nVNM,le,2022,1\n",
        "unit,indicator,period,value\nVNM,le,2022,1\nVNM,le,2022,\"1\n",
        "unit,indicator,period,value\nVNM,le,2022,1\nVNM,le,2023,\u{0}\n",
        "unit,indicator,value\nVNM,le,1\nVNM,eys,2\n",
        "\u{FEFF}unit,indicator,period,value\nVNM,le,2022,1\n",
    ])
    func sameResult(text: String) throws {
        try compare(text)
        try compare(text, period: .year(2020))
        try compare(text, ids: [])
    }

    @Test func semicolonsAndDecimalCommas() throws {
        try compare("unit;indicator;period;value\nVNM;le;2022;74,6\nVNM;eys;2022;1.234,5\nVNM;mys;2022;1,2,3\n")
    }

    @Test func recordsAcrossChunkBoundaries() throws {
        var text = "unit,indicator,period,value\n"
        for u in 0..<40 {
            for id in ["le", "eys", "mys", "gnipc"] { text += "U\(u),\(id),\(2020 + u % 3),\(u).5\n" }
        }
        for chunk in [16, 37, 100, 4096] {
            let folder = NSTemporaryDirectory() + "cityindex-fast-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let path = folder + "/d.csv"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let reader = ObservationFileReader(options: CSVReadOptions(chunkSize: chunk), indicatorIDs: Self.ids)
            let fromFile = try reader.read(path: path)
            let inMemory = try reader.read(bytes: Array(text.utf8), name: path)
            #expect(fromFile == inMemory)
            #expect(fromFile.records.count == 160)
        }
    }

    @Test func streamingGivesTheSameValues() throws {
        var text = "unit,indicator,period,value\n"
        for u in 0..<30 { for id in ["le", "eys"] { text += "U\(u),\(id),2022,\(u)\n" } }
        let folder = NSTemporaryDirectory() + "cityindex-fast-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/d.csv"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let reader = ObservationFileReader(indicatorIDs: Self.ids)
        var streamed: [RawObservation] = []
        _ = try reader.stream(path: path) { streamed.append($0); return nil }
        #expect(streamed == (try reader.read(path: path)).records)
    }
}
