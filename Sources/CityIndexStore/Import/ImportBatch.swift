import Foundation

/// Everything one data file brings to the store, imported as one transaction by
/// ``Store/importBatch(_:replace:)``.
public struct ImportBatch: Sendable {
    /// The SHA-256 of the file's bytes (lowercase hex): a file imported before is skipped.
    public var sha256: String
    /// The file name shown in messages and `imports`.
    public var fileName: String
    /// The reader options used (free text, e.g. JSON), kept for audit.
    public var options: String
    /// Units to create or update.
    public var units: [UnitUpsert]
    /// Unit attributes to set.
    public var attributes: [UnitAttributeInput]
    /// The values.
    public var observations: [ObservationInput]
    /// The units named in a period without any value there.
    public var unitsWithoutValues: [UnitPeriodInput]
    /// The import time recorded (stored to the second); pin it for reproducible stores.
    public var importedAt: Date

    /// Creates a batch.
    public init(
        sha256: String, fileName: String, options: String = "",
        units: [UnitUpsert] = [], attributes: [UnitAttributeInput] = [],
        observations: [ObservationInput], unitsWithoutValues: [UnitPeriodInput] = [], importedAt: Date = Date()
    ) {
        self.sha256 = sha256
        self.fileName = fileName
        self.options = options
        self.units = units
        self.attributes = attributes
        self.observations = observations
        self.unitsWithoutValues = unitsWithoutValues
        self.importedAt = importedAt
    }
}
