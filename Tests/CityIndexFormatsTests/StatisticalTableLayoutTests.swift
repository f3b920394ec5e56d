import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// Tables as statistical offices publish them: Vietnamese headers, one column per period,
/// `--columns`, `--indicator`, and region and whole-country rows among the units.
@Suite("Statistical table layouts")
struct StatisticalTableLayoutTests {
    static let ids: Set<String> = ["poverty_rate", "population", "retail"]

    func read(
        _ text: String, ids: Set<String> = ids, period: Period? = nil, columns: String? = nil, indicator: String? = nil,
        regions: RegionRowNames = RegionRowNames()
    ) throws -> ObservationFile {
        let mapping = try columns.map { try ColumnMapping(parsing: $0) } ?? ColumnMapping()
        let reader = ObservationFileReader(
            indicatorIDs: ids, defaultPeriod: period,
            layout: ObservationLayoutOptions(columns: mapping, indicator: indicator, regionRows: regions))
        return try reader.read(bytes: Array(text.utf8), name: "data.csv")
    }

    func message(_ text: String, period: Period? = nil, columns: String? = nil, indicator: String? = nil) -> String {
        do {
            _ = try read(text, period: period, columns: columns, indicator: indicator)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func values(_ file: ObservationFile) -> [String] {
        file.records.map { "\($0.unitKey) \($0.unitName ?? "-") \($0.indicator) \($0.period) \(CSVWriter.format($0.value, decimals: nil))" }
    }

    // MARK: Headers

    @Test("accepted header names, in any case, spacing and with or without diacritics", arguments: [
        ("Mã tỉnh", ColumnRole.unit), ("MÃ TỈNH", .unit), ("Ma tinh", .unit), ("Mã", .unit), ("Mã đơn vị", .unit),
        ("Tỉnh/thành phố", .name), ("Tỉnh / Thành phố", .name), ("Tỉnh, thành phố", .name), ("Tên tỉnh", .name),
        ("Đơn vị", .name), ("Don vi", .name), ("Năm", .period), ("NĂM", .period), ("Kỳ", .period), ("Chỉ tiêu", .indicator),
        ("Mã chỉ tiêu", .indicator), ("Giá trị", .value), ("Gia tri", .value), ("Số liệu", .value), ("Nguồn", .source),
        ("Ghi chú", .note), ("Ghi chu", .note), ("unit", .unit), ("Code", .unit), ("uName", .name), ("Time", .period),
    ])
    func acceptedNames(header: String, role: ColumnRole) {
        #expect(ColumnHeaderNames.role(of: header) == role)
        // Decomposed input (as some systems write Vietnamese) reads the same.
        #expect(ColumnHeaderNames.role(of: header.decomposedStringWithCanonicalMapping) == role)
    }

    @Test("names that are other words are not roles", arguments: ["Nam", "Nữ", "Đơn vị tính", "Tổng số", "Mã số thuế", "Tỉnh"])
    func otherWords(header: String) {
        #expect(ColumnHeaderNames.role(of: header) == nil)
    }

    @Test("every accepted name is one role, and reads as it", arguments: ColumnHeaderNames.accepted)
    func acceptedTable(entry: (role: ColumnRole, names: [String])) {
        for n in entry.names { #expect(ColumnHeaderNames.role(of: n) == entry.role, "\(n)") }
    }

    @Test("layouts with Vietnamese headers", arguments: [
        (["Mã tỉnh", "Tỉnh/thành phố", "Chỉ tiêu", "Năm", "Giá trị", "Ghi chú"], ObservationFile.Layout.long),
        (["Mã tỉnh", "Năm", "poverty_rate"], .wide),
        (["Tỉnh, thành phố", "Năm", "population"], .wide),
        (["Mã tỉnh", "Tỉnh/thành phố", "2010", "2012", "2014", "2016"], .periodColumns),
        (["Mã", "2016-Q1", "2016-Q2"], .periodColumns),
        (["Mã tỉnh", "Sơ bộ 2016"], .periodColumns),
    ])
    func layouts(header: [String], layout: ObservationFile.Layout) {
        #expect(ObservationFile.Layout.detect(header: header) == layout)
    }

    // MARK: Layouts read

    @Test func longWithVietnameseHeadersAndNotes() throws {
        let file = try read(
            """
            Mã tỉnh,Tỉnh/thành phố,Chỉ tiêu,Năm,Giá trị,Nguồn,Ghi chú
            01,Hà Nội,population,2016,7328.4,TCTK,Sơ bộ
            01,Hà Nội,population,2014,7095.9,TCTK,

            """)
        #expect(file.layout == .long)
        #expect(values(file) == ["01 Hà Nội population 2016 7328.4", "01 Hà Nội population 2014 7095.9"])
        #expect(file.records.map(\.source) == ["TCTK", "TCTK"])
        #expect(file.records.map(\.note) == ["Sơ bộ", nil])
    }

    @Test func wideGivesEachValueTheRowsSourceAndNote() throws {
        let file = try read("Mã tỉnh,Năm,population,retail,Nguồn,Ghi chú\n01,2016,7328.4,99,TCTK,Sơ bộ\n")
        #expect(file.layout == .wide)
        #expect(values(file) == ["01 - population 2016 7328.4", "01 - retail 2016 99"])
        #expect(file.records.map(\.source) == ["TCTK", "TCTK"])
        #expect(file.records.map(\.note) == ["Sơ bộ", "Sơ bộ"])
        #expect(file.attributes.isEmpty)
    }

    @Test func periodColumnsWithTheIndicatorOption() throws {
        let file = try read(
            """
            Mã tỉnh,Tỉnh/thành phố,2010,2012,2016
            01,Hà Nội,6633.6,..,7328.4
            02,Hà Giang,,,

            """, indicator: "population")
        #expect(file.layout == .periodColumns)
        #expect(values(file) == ["01 Hà Nội population 2010 6633.6", "01 Hà Nội population 2016 7328.4"])
        #expect(file.records.map(\.column) == [11, 21])
        // A missing cell lists the unit in that period without a value, as a long row would.
        #expect(file.emptyRows.map { "\($0.unitKey) \($0.period)" } == ["01 2012", "02 2010", "02 2012", "02 2016"])
    }

    @Test func periodColumnsTakeTheIndicatorFromTheSheetName() throws {
        var book = XLSXWriter()
        book.add(XLSXSheet(name: "poverty_rate", header: [], rows: [
            [.text("Mã tỉnh"), .text("Tỉnh/thành phố"), .integer(2014), .number(2016)],
            [.text("01"), .text("Hà Nội"), .number(1.5), .number(0.9)],
        ]))
        let folder = try CSVTestSupport.temporaryFolder()
        try book.write(toFile: folder + "/t.xlsx")
        let file = try ObservationFileReader(indicatorIDs: Self.ids).read(workbookPath: folder + "/t.xlsx", sheet: nil)
        #expect(file.layout == .periodColumns)
        #expect(values(file) == ["01 Hà Nội poverty_rate 2014 1.5", "01 Hà Nội poverty_rate 2016 0.9"])
        // `--indicator` overrides the sheet name.
        let other = ObservationFileReader(indicatorIDs: Self.ids, layout: ObservationLayoutOptions(indicator: "retail"))
        #expect(try other.read(workbookPath: folder + "/t.xlsx", sheet: nil).records.map(\.indicator) == ["retail", "retail"])
    }

    @Test func aLongFileWithoutAnIndicatorColumnHoldsTheOneNamed() throws {
        let file = try read("Mã tỉnh,Năm,Số liệu\n01,2016,7328.4\n", indicator: "Population")
        #expect(file.layout == .long)
        #expect(values(file) == ["01 - population 2016 7328.4"])
    }

    @Test("errors of tables with one column per period", arguments: [
        ("Mã tỉnh,2014,2016-Q5\n01,1,2\n", "poverty_rate",
         "data.csv:1:14: column \"2016-Q5\" looks like a period but is not one: write the period alone (2016, 2016-H1, 2016-Q3 or 2016-07), or give it one with --columns '2016-Q5=2016'."),
        ("Mã tỉnh,2014,Sơ bộ 2016\n01,1,2\n", "poverty_rate",
         "data.csv:1:14: column \"Sơ bộ 2016\" looks like a period but is not one: write the period alone (2016, 2016-H1, 2016-Q3 or 2016-07), or give it one with --columns 'Sơ bộ 2016=2016'."),
        ("Mã tỉnh,2016,2016.0\n01,1,2\n", "poverty_rate",
         "data.csv:1:14: columns \"2016\" and \"2016.0\" both hold the values of 2016: remove one, or pass --columns '2016.0=skip'."),
        ("Mã tỉnh,2014,2016\n01,1,2\n", nil,
         "data.csv: the file has one column per period and holds one indicator: name it with --indicator ID."),
        ("Mã tỉnh,2014,2016\n01,1,2\n", "povert_rate",
         "--indicator \"povert_rate\" is not an indicator of the criteria set: did you mean \"poverty_rate\"?"),
        ("Mã tỉnh,Năm,Giá trị\n01,2016,2\n", nil,
         "data.csv: the file has a value column but no indicator column: name it with --indicator ID."),
        ("Mã tỉnh,Năm,retail\n01,2016,2\n", "retail",
         "data.csv: --indicator retail is for files holding one indicator, but this file is wide: its columns name the indicators. Leave --indicator out for it."),
        ("Mã tỉnh,Chỉ tiêu,Năm,Giá trị\n01,retail,2016,2\n", "retail",
         "data.csv: --indicator retail is for files holding one indicator, but this file is long: its indicator column names the indicators. Leave --indicator out for it."),
    ] as [(String, String?, String)])
    func periodColumnErrors(text: String, indicator: String?, expected: String) {
        #expect(message(text, indicator: indicator) == expected)
    }

    @Test func aPeriodHeaderCanBeGivenItsPeriod() throws {
        let file = try read("Mã tỉnh,2014,Sơ bộ 2016\n01,1,2\n", columns: "Sơ bộ 2016=2016", indicator: "retail")
        #expect(values(file) == ["01 - retail 2014 1", "01 - retail 2016 2"])
    }

    @Test("a year inside a word is no period: the wide layout keeps such columns")
    func yearsInsideWords() throws {
        let file = try read("unit,period,population,census_2019,pop2019\nX,2020,1,a,b\n")
        #expect(file.layout == .wide)
        #expect(file.attributes.map(\.name) == ["census_2019", "pop2019"])
    }

    // MARK: --columns

    @Test func columnsMapOtherNames() throws {
        let file = try read(
            "Province code,Province,Year,Indicator code,Amount,STT\n01,Hà Nội,2016,population,7328.4,1\n",
            columns: "province code=unit,Province=name,Year=period,Indicator code=indicator,Amount=value,STT=skip")
        #expect(file.layout == .long)
        #expect(values(file) == ["01 Hà Nội population 2016 7328.4"])
        #expect(file.attributes.isEmpty)
    }

    @Test("a header may hold commas; several option values add up")
    func columnsParsing() throws {
        let m = try ColumnMapping(parsing: ["Tỉnh, thành phố=name,Năm=period", "Mã số=unit"])
        #expect(m.entries.map(\.header) == ["Tỉnh, thành phố", "Năm", "Mã số"])
        #expect(m.entries.map(\.target) == [.role(.name), .role(.period), .role(.unit)])
        #expect(m.description == "Tỉnh, thành phố=name,Năm=period,Mã số=unit")
    }

    @Test("--columns errors", arguments: [
        ("Năm=peroid", "--columns: \"peroid\" (for column \"Năm\") is not a role: did you mean \"period\"? Roles: unit, name, period, indicator, value, source, note, quality, verified, skip or a period such as 2016."),
        ("Năm=year", "--columns: \"year\" (for column \"Năm\") is not a role: Roles: unit, name, period, indicator, value, source, note, quality, verified, skip or a period such as 2016."),
        ("Năm", "--columns: \"Năm\" has no role: write HEADER=ROLE, the role one of unit, name, period, indicator, value, source, note, quality, verified, skip or a period such as 2016."),
        ("=unit", "--columns: \"=unit\" has no header before \"=\": write HEADER=ROLE."),
        ("Mã=unit,Mã=indicator", "--columns: column \"Mã\" is given two roles, unit and indicator: keep one."),
        ("A=unit,B=unit", "--columns: columns \"A\" and \"B\" are both given the role unit: keep one, or give the other the role skip."),
    ])
    func columnsErrors(text: String, expected: String) {
        #expect(throws: ColumnMappingError.self) { try ColumnMapping(parsing: text) }
        do {
            _ = try ColumnMapping(parsing: text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test("a mapped column must be in the file, and a column read two ways is an error", arguments: [
        ("Provinc=unit", "Province,Year,population\n01,2016,1\n",
         "data.csv: --columns names column \"Provinc\", which the header does not have: did you mean \"Province\"?"),
        ("Ma=unit,Mã=name", "Mã,Năm,population\n01,2016,1\n",
         "data.csv:1:1: column \"Mã\" can be read as the unit code or as the unit name: rename the column, or say which it is with --columns (e.g. --columns 'Mã=unit')."),
        ("Tỉnh=unit", "Mã tỉnh,Tỉnh,Năm,population\n01,Hà Nội,2016,1\n",
         "data.csv:1:9: columns \"Mã tỉnh\" and \"Tỉnh\" both hold the unit code: remove one, or pass --columns 'Tỉnh=skip'."),
        ("Năm=2016", "Mã tỉnh,Năm,population\n01,2016,1\n",
         "data.csv: --columns gives column \"Năm\" a period, but the file is wide, not one column per period: give the column a role instead."),
    ])
    func mappedColumnErrors(columns: String, text: String, expected: String) {
        #expect(message(text, columns: columns) == expected)
    }

    @Test func aRoleNameThatIsAnIndicatorIdReadsTwoWays() {
        do {
            _ = try read("unit,period,note\nX,2016,1\n", ids: ["note"])
            Issue.record("no error")
        } catch {
            #expect("\(error)" == "data.csv:1:13: column \"note\" can be read as the note or as indicator \"note\" of the criteria set: rename the column, or say which it is with --columns (e.g. --columns 'note=note').")
        }
        // Said with --columns, it is the note.
        #expect(throws: ObservationFileError.noRows(file: "data.csv")) {
            try read("unit,period,note\n", ids: ["note"], columns: "note=note")
        }
    }

    // MARK: Region and whole-country rows

    @Test func regionRowsAreLeftOutAndReported() throws {
        let file = try read(
            """
            Mã tỉnh,Tỉnh/thành phố,2014,2016
            ,CẢ NƯỚC,90728.9,92695.1
            ,Đồng bằng sông Hồng,20705.2,21133.8
            01,Hà Nội,7095.9,7328.4
            ,Trung du và miền núi phía Bắc,11803.8,12075.8
            02,Hà Giang,800.0,819.2
            ,Northern Central area and Central coastal area,19522.3,19820.2

            """, indicator: "population")
        #expect(Set(file.records.map(\.unitKey)) == ["01", "02"])
        #expect(file.leftOut.count == 4)
        #expect(
            file.leftOut.notice(file: "data.csv")
                == "data.csv: left out 4 region and whole-country rows, not units (lines 2-3, 5, 7): CẢ NƯỚC, Đồng bằng sông Hồng, Trung du và miền núi phía Bắc, Northern Central area and Central coastal area")
    }

    @Test("region names in the unit column of a long file, read by the fast path too")
    func regionsInTheUnitColumn() throws {
        let file = try read(
            """
            unit,indicator,period,value
            WHOLE COUNTRY,population,2016,92695.1
            Ha Noi,population,2016,7328.4
            Red River Delta,population,2016,21133.8
            Toàn quốc,population,2016,92695.1

            """)
        #expect(file.records.map(\.unitKey) == ["Ha Noi"])
        #expect(file.leftOut.notice(file: "data.csv", sheet: "Sheet1") == "data.csv, sheet \"Sheet1\": left out 3 region and whole-country rows, not units (rows 2, 4-5): WHOLE COUNTRY, Red River Delta, Toàn quốc")
    }

    @Test("a registry's region values are regions; its units' names never are")
    func registryRegions() throws {
        let registry = UnitRegistry(file: "reg.csv", entries: [
            UnitRegistry.Entry(
                unit: UnitInfo(code: "SE", name: "South East", attributes: ["region": "Southern England"]),
                validFrom: nil, validTo: nil, successors: []),
        ])
        let regions = RegionRowNames(registries: [registry])
        #expect(regions.contains("Southern England"))
        #expect(regions.contains("Vùng Southern England"))
        #expect(!regions.contains("South East"))
        #expect(regions.contains("Đông Nam Bộ"))
        let file = try read("unit,period,population\nSouth East,2016,1\nSouthern England,2016,2\n", regions: regions)
        #expect(file.records.map(\.unitKey) == ["South East"])
        #expect(file.leftOut.count == 1)
    }

    @Test("the GSO yearbook's region and country names are all on the shipped list", .enabled(if: gsoTablesPresent, "skipped: ../shared/data/vn is not beside this clone"))
    func gsoNames() throws {
        var reader = try CSVReader(path: gsoTables)
        let header = try #require(try reader.nextRecord()).fields
        let level = try #require(header.firstIndex(of: "area_level")), name = try #require(header.firstIndex(of: "area_name_gso"))
        var regions = Set<String>(), provinces = Set<String>()
        while let r = try reader.nextRecord() {
            if r.fields[level] == "province" { provinces.insert(r.fields[name]) } else { regions.insert(r.fields[name]) }
        }
        let shipped = RegionRowNames()
        #expect(regions.count >= 8)
        for r in regions { #expect(shipped.contains(r), "\(r)") }
        for p in provinces { #expect(!shipped.contains(p), "\(p)") }
    }

    @Test func noRegionNamesMeansEveryRowIsAUnit() throws {
        let file = try read("unit,period,population\nToàn quốc,2016,1\n", regions: .none)
        #expect(file.records.map(\.unitKey) == ["Toàn quốc"])
        #expect(file.leftOut.notice(file: "data.csv") == nil)
    }
}

/// The GSO province tables under `../shared/data/vn`.
let gsoTables = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/data/vn/gso-province-tables-1995-2016.csv").path

/// Whether the GSO tables are present.
let gsoTablesPresent = FileManager.default.fileExists(atPath: gsoTables)
