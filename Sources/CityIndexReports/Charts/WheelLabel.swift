/// A piece of text of the benchmarking wheel, with the box it occupies (turned with the text).
struct WheelLabel: Sendable, Hashable {
    /// What the label names.
    enum Role: Sendable, Hashable {
        case title, subtitle, centre, pillar, group, indicator, code, legend, caption
    }

    /// What the label names.
    var role: Role
    /// The node labelled (index in the criteria set), nil for titles and legend text.
    var node: Int?
    /// The lines, first on top (before rotation).
    var lines: [String]
    /// Font size in px.
    var fontSize: Double
    /// Bold or not.
    var bold: Bool = false
    /// Text colour.
    var fill: String = "#222222"
    /// Whether the text starts at the box's left edge (legend, captions) rather than its middle.
    var leftAligned = false
    /// The centre of the box.
    var centre: WheelGeometry.Point
    /// SVG rotation of the text, degrees clockwise from the x axis.
    var rotation: Double
    /// The box's extent along the text.
    var width: Double
    /// The box's extent across the text.
    var height: Double

    /// Space between baselines.
    var lineHeight: Double { fontSize * 1.2 }

    /// The height of `count` lines of text at `fontSize`: the glyphs of the last line reach
    /// 1.15 em below its top (ascenders and descenders of Latin and Vietnamese letters).
    static func height(lines count: Int, fontSize: Double) -> Double {
        Double(max(count, 1) - 1) * fontSize * 1.2 + fontSize * 1.15
    }

    /// The four corners of the box.
    var corners: [WheelGeometry.Point] {
        WheelGeometry.corners(centre: centre, width: width, height: height, rotation: rotation)
    }
}
