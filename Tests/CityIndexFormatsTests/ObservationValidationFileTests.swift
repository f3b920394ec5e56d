import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// Reads the shared validation inputs (`../shared/validation/`), skipped when they are absent.
@Suite("Observation files: validation inputs")
struct ObservationValidationFileTests {
    static let asemData = CSVTestSupport.validationFile("asem/iData.csv")
    static let asemMeta = CSVTestSupport.validationFile("asem/iMeta.csv")
    static let hdiInputs = CSVTestSupport.validationFile("hdi/inputs-2022.csv")

    /// Indicator ids of the ASEM framework: iMeta rows of type Indicator.
    static func asemIndicatorIDs() throws -> Set<String> {
        var reader = try CSVReader(path: asemMeta)
        let header = try #require(try reader.nextRecord())
        let code = try #require(header.fields.firstIndex(of: "iCode"))
        let type = try #require(header.fields.firstIndex(of: "Type"))
        var ids = Set<String>()
        while let record = try reader.nextRecord() {
            if record.fields[type] == "Indicator" { ids.insert(record.fields[code]) }
        }
        return ids
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: asemData), "ASEM validation data absent at ../shared/validation/asem"))
    func asemIData() throws {
        let ids = try Self.asemIndicatorIDs()
        #expect(ids.count == 45 || ids.count == 49)
        let file = try ObservationFileReader(indicatorIDs: ids).read(path: Self.asemData)
        #expect(file.layout == .coinr)
        #expect(Set(file.records.map(\.unitKey)).count == 51)
        #expect(Set(file.records.map(\.indicator)) == ids)
        #expect(Set(file.records.map(\.period)) == [.year(2018)])
        // Every non-empty indicator cell gives one record.
        var reader = try CSVReader(path: Self.asemData)
        let header = try #require(try reader.nextRecord())
        let columns = header.fields.indices.filter { ids.contains(header.fields[$0]) }
        var cells = 0
        while let record = try reader.nextRecord() { cells += columns.filter { !record.fields[$0].isEmpty }.count }
        #expect(file.records.count == cells)
        let austriaLPI = file.records.first { $0.unitKey == "AUT" && $0.indicator == "LPI" }
        #expect(austriaLPI?.value == 4.097985)
        #expect(austriaLPI?.unitName == "Austria")
        let groups = file.attributes.filter { $0.unitKey == "AUT" }.map { "\($0.name)=\($0.value)" }
        #expect(groups.contains("EurAsia_group=Europe"))
        #expect(groups.contains("GDP_group=L"))
        #expect(groups.contains { $0.hasPrefix("Population=") })
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: hdiInputs), "HDI validation data absent at ../shared/validation/hdi"))
    func hdiInputs2022() throws {
        let reader = ObservationFileReader(indicatorIDs: ["le", "eys", "mys", "gnipc"], defaultPeriod: .year(2022))
        let file = try reader.read(path: Self.hdiInputs)
        #expect(file.layout == .wide)
        #expect(Set(file.records.map(\.unitKey)).count == 195)
        #expect(file.records.count == 195 * 4 - 5)
        let afghanistan = file.records.filter { $0.unitKey == "AFG" }
        #expect(afghanistan.map(\.indicator) == ["le", "eys", "mys", "gnipc"])
        #expect(afghanistan.map(\.value) == [62.879, 10.70538475, 2.514790058, 1335.205733])
        #expect(file.records.first { $0.unitKey == "HKG" }?.unitName == "Hong Kong, China (SAR)")
        #expect(throws: ObservationFileError.missingPeriod(file: Self.hdiInputs)) {
            try ObservationFileReader(indicatorIDs: ["le"]).read(path: Self.hdiInputs)
        }
    }
}
