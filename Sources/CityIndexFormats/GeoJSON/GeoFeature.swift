/// One feature of a GeoJSON FeatureCollection, as a map draws it: the unit code it carries and
/// its area.
public struct GeoFeature: Sendable, Hashable {
    /// The feature's place in the file's `features` array (0-based, as in `features[3]`).
    public var index: Int
    /// The value of the code property, as text (NFC, trimmed; a whole number written as digits).
    public var code: String
    /// The polygons (one for a Polygon, several for a MultiPolygon).
    public var polygons: [GeoPolygon]

    /// Creates a feature.
    public init(index: Int, code: String, polygons: [GeoPolygon]) {
        self.index = index
        self.code = code
        self.polygons = polygons
    }
}
