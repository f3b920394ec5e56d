/// The raw contents of one observation file: values and unit attributes, not yet matched to units.
public struct ObservationFile: Sendable, Equatable {
    /// The file name (as given).
    public var name: String
    /// The layout detected from the header.
    public var layout: Layout
    /// The values, in file order; missing values produce no record, repeated identical values one.
    public var records: [RawObservation]
    /// The unit attributes, in file order; empty cells produce none.
    public var attributes: [RawAttribute]
    /// The rows naming a unit in a period without any of its values, each unit and period once.
    public var emptyRows: [RawEmptyRow]
    /// The sheet the values were read from, for a workbook; lines are then row numbers and
    /// columns column numbers (`Data!C14`).
    public var sheet: String?
    /// The region and whole-country rows left out.
    public var leftOut: LeftOutRows

    /// Creates a file's contents.
    public init(
        name: String, layout: Layout, records: [RawObservation], attributes: [RawAttribute],
        emptyRows: [RawEmptyRow] = [], sheet: String? = nil, leftOut: LeftOutRows = LeftOutRows()
    ) {
        self.leftOut = leftOut
        self.name = name
        self.layout = layout
        self.records = records
        self.attributes = attributes
        self.emptyRows = emptyRows
        self.sheet = sheet
    }
}
