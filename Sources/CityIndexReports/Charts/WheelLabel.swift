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
    /// Where the lines sit in the box (along the text): at its start, middle or end.
    enum Alignment: String, Sendable, Hashable {
        case start, middle, end
    }

    /// Where the lines sit in the box: legend and captions at the start, names written along
    /// a radius at the end nearest the ring they belong to.
    var alignment = Alignment.middle
    /// The centre of the box.
    var centre: WheelGeometry.Point
    /// SVG rotation of the text, degrees clockwise from the x axis.
    var rotation: Double
    /// The box's extent along the text.
    var width: Double
    /// The box's extent across the text.
    var height: Double

    /// Space between baselines: room for Vietnamese letters that carry two marks (ổ, ể).
    var lineHeight: Double { fontSize * Self.lineSpacing }
    static let lineSpacing = 1.35

    /// The height of `count` lines of text at `fontSize`: the glyphs of the last line reach
    /// 1.15 em below its top (ascenders and descenders of Latin and Vietnamese letters).
    static func height(lines count: Int, fontSize: Double) -> Double {
        Double(max(count, 1) - 1) * fontSize * lineSpacing + fontSize * 1.15
    }

    /// The four corners of the box.
    var corners: [WheelGeometry.Point] {
        WheelGeometry.corners(centre: centre, width: width, height: height, rotation: rotation)
    }
}
