import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

@Suite("ObservationFileReader")
struct ObservationFileReaderTests {
    static let hdiIDs: Set<String> = ["le", "eys", "mys", "gnipc"]

    func read(
        _ text: String, ids: Set<String> = hdiIDs, period: Period? = nil, options: CSVReadOptions = CSVReadOptions(),
        maxBadRows: Int = 100
    ) throws(ObservationFileError) -> ObservationFile {
        let reader = ObservationFileReader(
            options: options, indicatorIDs: ids, defaultPeriod: period, maxBadRows: maxBadRows)
        return try reader.read(bytes: Array(text.utf8), name: "data.csv")
    }

    func badRows(_ text: String, ids: Set<String> = hdiIDs, period: Period? = nil, maxBadRows: Int = 100) -> [String] {
        do {
            _ = try read(text, ids: ids, period: period, maxBadRows: maxBadRows)
            return []
        } catch {
            switch error {
            case .badRows(let rows): return rows.map(\.description)
            case .tooManyBadRows(let rows, let more): return rows.map(\.description) + ["+\(more)"]
            default: return ["unexpected: \(error)"]
            }
        }
    }

    @Test("layout detection", arguments: [
        (["unit", "indicator", "period", "value"], ObservationFile.Layout.long),
        (["Unit", "Indicator", "Period", "Value", "Source", "Note"], .long),
        (["name", "indicator", "value"], .long),
        (["unit", "name", "le", "eys"], .wide),
        (["CODE", "period", "le"], .wide),
        (["uName", "uCode", "EurAsia_group", "Time", "LPI"], .coinr),
    ])
    func layouts(header: [String], layout: ObservationFile.Layout) throws {
        #expect(ObservationFile.Layout.detect(header: header) == layout)
        let text = header.joined(separator: ",") + "\n"
        let detected = try ObservationFileReader(defaultPeriod: .year(2024)).detectLayout(bytes: Array(text.utf8), name: "h.csv")
        #expect(detected == layout)
    }

    @Test func unknownLayout() {
        #expect(ObservationFile.Layout.detect(header: ["a", "b"]) == nil)
        #expect(throws: ObservationFileError.unknownLayout(file: "data.csv", columns: ["a", "b"])) {
            try read("a,b\n1,2\n")
        }
        let message = ObservationFileError.unknownLayout(file: "data.csv", columns: ["a", "b"]).description
        #expect(message == "data.csv: cannot tell the layout from the header (\"a\", \"b\"): name the unit column \"unit\" (or \"code\") for one column per indicator, or write unit,indicator,period,value for one value per row; for other names, say which column is which with --columns (e.g. --columns 'Province=unit').")
    }

    @Test func longLayout() throws {
        let file = try read(
            "unit,name,indicator,period,value,source,note\n"
                + "VNM,Viet Nam,le,2022,74.6,UNDP,\n"
                + "VNM,Viet Nam,EYS,2022-Q3,13.0,,revised\n"
                + "VNM,Viet Nam,mys,2022,NA,,\n"
                + "VNM,Viet Nam,le,2022,74.6,UNDP,\n")
        #expect(file.layout == .long)
        #expect(file.name == "data.csv")
        #expect(
            file.records == [
                RawObservation(
                    unitKey: "VNM", unitName: "Viet Nam", indicator: "le", period: .year(2022), value: 74.6,
                    source: "UNDP", note: nil, line: 2, column: 22),
                RawObservation(
                    unitKey: "VNM", unitName: "Viet Nam", indicator: "eys",
                    period: try #require(Period("2022-Q3")), value: 13, source: nil, note: "revised", line: 3, column: 26),
            ])
        #expect(file.attributes.isEmpty)
    }

    @Test func longLayoutByNameWithDefaultPeriod() throws {
        let file = try read("name,indicator,value\nHà Nội,le,80\n", period: .year(2024))
        #expect(file.records.map(\.unitKey) == ["Hà Nội"])
        #expect(file.records.map(\.unitName) == ["Hà Nội"])
        #expect(file.records.map(\.period) == [.year(2024)])
    }

    @Test func wideLayoutWithAttributes() throws {
        let file = try read(
            "code,name,period,le,region,EurAsia_group,gnipc\nVNM,Viet Nam,2022,74.6,Asia,Asia,11000\nTHA,,2022,,Asia,,NA\n")
        #expect(file.layout == .wide)
        #expect(file.records.map(\.indicator) == ["le", "gnipc"])
        #expect(file.records.map(\.value) == [74.6, 11000])
        #expect(file.records.map(\.column) == [19, 34])
        #expect(
            file.attributes == [
                RawAttribute(unitKey: "VNM", unitName: "Viet Nam", name: "region", value: "Asia", line: 2),
                RawAttribute(unitKey: "VNM", unitName: "Viet Nam", name: "EurAsia_group", value: "Asia", line: 2),
                RawAttribute(unitKey: "THA", unitName: nil, name: "region", value: "Asia", line: 3),
            ])
    }

    @Test func wideColumnsMatchIgnoringCase() throws {
        let file = try read("unit,LE,Gnipc\nVNM,74.6,11000\n", period: .year(2022))
        #expect(file.records.map(\.indicator) == ["le", "gnipc"])
    }

    @Test func emptyIndicatorSetMakesEveryOtherColumnAnIndicator() throws {
        let file = try read("unit,a,b,Pop_group\nX,1,2,L\n", ids: [], period: .year(2022))
        #expect(file.records.map(\.indicator) == ["a", "b"])
        #expect(file.attributes.map(\.name) == ["Pop_group"])
    }

    @Test func semicolonFilesReadDecimalCommas() throws {
        let file = try read("unit;period;le;gnipc\r\nVNM;2022;74,6;1.234,5\r\n")
        #expect(file.records.map(\.value) == [74.6, 1234.5])
    }

    @Test func periodIsRequired() {
        #expect(throws: ObservationFileError.missingPeriod(file: "data.csv")) { try read("unit,le\nVNM,74\n") }
        #expect(
            ObservationFileError.missingPeriod(file: "data.csv").description
                == "data.csv: the file has no period column: add a column \"period\" or pass --period (e.g. --period 2024).")
    }

    @Test func misspelledIndicatorColumn() {
        let error = ObservationFileError.misspelledIndicatorColumn(
            file: "data.csv", line: 1, column: 13, name: "eyss", suggestion: "eys")
        #expect(throws: error) { try read("unit,period,eyss,le\nVNM,2022,1,2\n") }
        #expect(error.description == "data.csv:1:13: column \"eyss\" is not an indicator of the criteria set: did you mean \"eys\"? Fix the header, or rename the column if it is a unit attribute.")
        #expect(throws: ObservationFileError.misspelledIndicatorColumn(
            file: "data.csv", line: 1, column: 13, name: "gnpic", suggestion: "gnipc")) {
            try read("unit,period,gnpic\nVNM,2022,1\n")
        }
    }

    @Test func duplicateAndMissingColumns() {
        #expect(throws: ObservationFileError.duplicateColumn(file: "data.csv", line: 1, column: 11, name: "LE")) {
            try read("unit,le,x,LE\n", period: .year(2022))
        }
        #expect(throws: ObservationFileError.missingColumn(file: "data.csv", layout: .long, name: "unit")) {
            try read("indicator,value\n", period: .year(2022))
        }
    }

    @Test func everyBadRowIsCollected() {
        let rows = badRows(
            "unit,period,le,eys\n"
                + "VNM,2022,74.6,12%\n"
                + "THA,2024Q3,70,12\n"
                + "LAO,2022,1,2,3\n"
                + ",2022,1,2\n"
                + "KHM,2022,1,234.5,6\n"
                + "VNM,2022,74.6,13\n"
                + "VNM,2022,75,13\n"
                + "MMR,2022,1e999,abc\n")
        #expect(
            rows == [
                "data.csv:2:15: \"12%\" in column \"eys\" is not a number: write the value without \"%\", in the indicator's unit of measure.",
                "data.csv:3:5: period \"2024Q3\" is not a period: expected 2024, 2024-H1, 2024-Q3 or 2024-07.",
                "data.csv:4:14: this row has 5 fields but the header has 4: quote fields that contain the delimiter, or add the missing ones.",
                "data.csv:5:1: the unit is empty: write the unit's code or name in column \"unit\".",
                "data.csv:6:18: this row has 5 fields but the header has 4: quote fields that contain the delimiter, or add the missing ones.",
                "data.csv:8:10: unit \"VNM\", indicator \"le\", period 2022 is given twice, 74.6 on line 2 and 75 here: keep one of them.",
                "data.csv:9:10: \"1e999\" in column \"le\" is not a finite number: write a finite value, or leave the cell empty when it is missing.",
                "data.csv:9:16: \"abc\" in column \"eys\" is not a number: write a number such as 12.5, or leave the cell empty (or NA) when it is missing.",
            ])
    }

    @Test func unknownIndicatorsInLongFiles() {
        let rows = badRows(
            "unit,indicator,period,value\nVNM,eyss,2022,1\nVNM,foo,2022,1\nVNM,,2022,1\nVNM,LE,2022,1\n")
        #expect(
            rows == [
                "data.csv:2:5: indicator \"eyss\" is not in the criteria set: did you mean \"eys\"?",
                "data.csv:3:5: indicator \"foo\" is not in the criteria set: check the id, or add the indicator to the set.",
                "data.csv:4:5: the indicator is empty: write an indicator id in column \"indicator\".",
            ])
    }

    @Test func badRowsStopAtTheLimitAndTheRestAreCounted() {
        var text = "unit,period,le\n"
        for i in 0..<50 { text += "U\(i),2022,x\(i)\n" }
        let rows = badRows(text, maxBadRows: 10)
        #expect(rows.count == 11)
        #expect(rows[9].hasPrefix("data.csv:11:9: \"x9\"") == true)
        #expect(rows.last == "+40")
    }

    @Test func csvErrorsAfterBadRowsJoinTheList() {
        let rows = badRows("unit,period,le\nA,2022,x\nB,2022,\"1\n")
        #expect(rows.count == 2)
        #expect(rows.last == "data.csv:3:8: this quoted field is never closed: add the closing \" or write a quote inside a field as \"\".")
        #expect(throws: ObservationFileError.csv(.unclosedQuote(file: "data.csv", line: 2, column: 8))) {
            try read("unit,period,le\nB,2022,\"1\n")
        }
    }

    @Test func blankRowsAndEmptyPeriodsWithDefault() throws {
        let file = try read("unit,period,le\n,,\nVNM,,70\n", period: .year(2021))
        #expect(file.records.map(\.period) == [.year(2021)])
        #expect(badRows("unit,period,le\nVNM,,70\n") == [
            "data.csv:2:5: the period is empty: write one (2024, 2024-H1, 2024-Q3 or 2024-07) or pass --period."
        ])
    }

    @Test func readsFromAPath() throws {
        let folder = try CSVTestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/obs.csv"
        try Data("\u{FEFF}unit\tperiod\tle\nVNM\t2022\t74.6\n".utf8).write(to: URL(fileURLWithPath: path))
        let file = try ObservationFileReader(indicatorIDs: Self.hdiIDs).read(path: path)
        #expect(file.name == path)
        #expect(file.records.map(\.value) == [74.6])
        #expect(throws: ObservationFileError.csv(.cannotRead(file: folder + "/none.csv", reason: "No such file or directory"))) {
            try ObservationFileReader().read(path: folder + "/none.csv")
        }
    }
}
