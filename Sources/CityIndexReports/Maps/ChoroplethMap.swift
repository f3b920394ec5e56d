import CityIndexFormats

/// A user's map matched to a report's units: each unit's polygons, by unit code, and the file
/// they came from (named in the caption).
public struct ChoroplethMap: Sendable {
    /// The file, as the user named it.
    public var source: String
    /// Each unit's polygons, by unit code.
    public var shapes: [String: [GeoPolygon]]

    /// Creates the map.
    public init(source: String, shapes: [String: [GeoPolygon]]) {
        self.source = source
        self.shapes = shapes
    }
}
