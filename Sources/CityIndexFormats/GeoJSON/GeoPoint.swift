/// A GeoJSON position: longitude and latitude in degrees (WGS 84, RFC 7946 §3.1.1).
public struct GeoPoint: Sendable, Hashable {
    /// Longitude in degrees, −180 to 180, east positive.
    public var lon: Double
    /// Latitude in degrees, −90 to 90, north positive.
    public var lat: Double

    /// Creates a position.
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}
