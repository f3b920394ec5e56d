/// An axis-aligned rectangle of a map drawing, in SVG pixels (y down).
struct MapBox: Sendable, Hashable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }

    /// Whether the two rectangles share area (touching edges do not count).
    func overlaps(_ other: MapBox) -> Bool {
        x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
    }

    /// Whether `other` lies inside this rectangle (edges included).
    func contains(_ other: MapBox) -> Bool {
        other.x >= x && other.maxX <= maxX && other.y >= y && other.maxY <= maxY
    }

    /// The smallest rectangle holding both.
    func union(_ other: MapBox) -> MapBox {
        let left = min(x, other.x), top = min(y, other.y)
        return MapBox(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
    }

    /// The rectangle shrunk by `d` on every side.
    func inset(_ d: Double) -> MapBox {
        MapBox(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }
}
