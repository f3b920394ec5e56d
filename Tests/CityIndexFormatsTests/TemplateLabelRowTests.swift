import CityIndexCore
import CityIndexFormats
import Testing

/// The label rows a data-entry template writes above its header (indicator names and units)
/// are skipped by the observation reader, in a CSV file as in a sheet; nowhere else.
@Suite struct TemplateLabelRowTests {
    static let reader = ObservationFileReader(indicatorIDs: ["a", "b"])

    @Test("label rows in either language before the header are skipped; the values and their lines are those of the file", arguments: [
        "Tên chỉ tiêu,,,Chỉ tiêu A,Chỉ tiêu B\nĐơn vị đo,,,%,người\n",
        "Indicator name,,,A,B\nUnit of measure,,,%,\n",
        "  indicator NAME ,,,A,B\n",
    ])
    func skipped(labels: String) throws {
        let text = labels + "unit,name,period,a,b\n01,Hà Nội,2024,12.5,3\n02,Hà Giang,2024,,7\n"
        let file = try Self.reader.read(bytes: Array(text.utf8), name: "t.csv")
        #expect(file.layout == .wide)
        #expect(file.records.map(\.value) == [12.5, 3, 7])
        let skippedLines = labels.split(separator: "\n").count
        #expect(file.records.first?.line == skippedLines + 2)
    }

    @Test("a label row after the header is a row like any other: refused")
    func notAfterTheHeader() {
        let text = "unit,name,period,a,b\nTên chỉ tiêu,,,Chỉ tiêu A,Chỉ tiêu B\n01,Hà Nội,2024,12.5,3\n"
        #expect(throws: ObservationFileError.self) { try Self.reader.read(bytes: Array(text.utf8), name: "t.csv") }
    }

    @Test("the titles: Vietnamese and English, and no other first cell")
    func titles() {
        #expect(TemplateLabelRow.name.title(in: .vi) == "Tên chỉ tiêu")
        #expect(TemplateLabelRow.unit.title(in: .en) == "Unit of measure")
        for other in ["unit", "Mã tỉnh", "Tên tỉnh", "Đơn vị", "indicator", ""] { #expect(!TemplateLabelRow.isLabel(first: other), "\(other)") }
    }
}
