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

    /// Creates a file's contents.
    public init(name: String, layout: Layout, records: [RawObservation], attributes: [RawAttribute]) {
        self.name = name
        self.layout = layout
        self.records = records
        self.attributes = attributes
    }
}
