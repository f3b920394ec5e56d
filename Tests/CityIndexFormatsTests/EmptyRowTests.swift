import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// Rows that name a unit in a period but give none of its values are reported, once per unit
/// and period, by reading whole and by streaming alike, so the unit is not lost.
@Suite("Rows without values")
struct EmptyRowTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        /// `unit@period:line` of each empty row, in file order.
        var expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "wide, every value NA", text: "unit,name,period,le,eys\nA,Alpha,2024,1,2\nB,Beta,2024,NA,NA\n", expected: ["B@2024:3"]),
        Case(name: "wide, empty cells and other tokens", text: "unit,period,le,eys\nB,2024,,..\nC,2024,-,\"\"\n", expected: ["B@2024:2", "C@2024:3"]),
        Case(name: "wide, one value is enough", text: "unit,period,le,eys\nA,2024,NA,3\n", expected: []),
        Case(name: "wide, a unit empty in one period only", text: "unit,period,le\nA,2023,1\nA,2024,NA\n", expected: ["A@2024:3"]),
        Case(name: "wide, the same empty row twice", text: "unit,period,le\nA,2024,NA\nA,2024,NA\n", expected: ["A@2024:2"]),
        Case(name: "wide, attribute columns do not count as values", text: "unit,period,region,le\nA,2024,North,NA\n", expected: ["A@2024:2"]),
        Case(name: "long, a missing value", text: "unit,indicator,period,value\nA,le,2024,1\nB,le,2024,NA\nB,eys,2024,\n", expected: ["B@2024:3"]),
        Case(name: "long, reported even when another row has a value", text: "unit,indicator,period,value\nA,le,2024,NA\nA,eys,2024,2\n", expected: ["A@2024:2"]),
    ]

    @Test(arguments: cases)
    func emptyRows(_ c: Case) throws {
        let reader = ObservationFileReader(options: CSVReadOptions(), indicatorIDs: ["le", "eys"], defaultPeriod: nil)
        let file = try reader.read(bytes: Array(c.text.utf8), name: "data.csv")
        #expect(file.emptyRows.map { "\($0.unitKey)@\($0.period):\($0.line)" } == c.expected)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("empty-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("data.csv").path
        try c.text.write(toFile: path, atomically: true, encoding: .utf8)
        let streamed = try reader.stream(path: path) { _ in nil }
        #expect(streamed.emptyRows == file.emptyRows)
    }

    @Test("a bad value is a bad row, not a row without values")
    func badValueIsNotEmpty() {
        let reader = ObservationFileReader(options: CSVReadOptions(), indicatorIDs: ["le"], defaultPeriod: nil)
        #expect(throws: ObservationFileError.self) {
            _ = try reader.read(bytes: Array("unit,period,le\nA,2024,abc\n".utf8), name: "data.csv")
        }
    }
}
