/// One polygon of a GeoJSON geometry: its outer ring, then its holes.
///
/// Every ring is closed (its last position repeats its first) and has at least 4 positions; the
/// reader checks both. Rings are drawn with the even-odd rule, so the winding order does not matter.
public struct GeoPolygon: Sendable, Hashable {
    /// The rings: the outer boundary first, then the holes.
    public var rings: [[GeoPoint]]

    /// Creates a polygon from its rings.
    public init(rings: [[GeoPoint]]) {
        self.rings = rings
    }
}
