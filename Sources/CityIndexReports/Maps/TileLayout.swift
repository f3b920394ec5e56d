import CityIndexCore
import Foundation

/// A tile map: one square per unit on a grid, placed by hand so that neighbours stay near each
/// other and the country's shape is recognisable (north at top; not to scale).
///
/// A report draws a layout when the result's units are exactly the layout's units
/// (``covers(_:)``); Vietnam's two layouts ship (``vietnam2025``, ``vietnam2024``).
public struct TileLayout: Sendable, Hashable {
    /// One square of the map.
    public struct Tile: Sendable, Hashable {
        /// The unit code.
        public var code: String
        /// Column, 0 at the west edge.
        public var column: Int
        /// Row, 0 at the north edge.
        public var row: Int
        /// The label in Vietnamese, one element per line.
        public var label: [String]
        /// The label in English, one element per line.
        public var labelEN: [String]
        /// The name the unit must carry (as its name or English name, compared by ``UnitNameKey``)
        /// when its code names another unit in another layout; nil when the code suffices.
        public var name: String?
    }

    /// Islands drawn as a cluster of dots with a label (they belong to a unit; they are not a tile).
    public struct Islands: Sendable, Hashable {
        /// The centre of the dots, in tile units from the grid's top-left corner.
        public var column: Double
        /// The row of the dots' centre, in tile units.
        public var row: Double
        /// The label lines in Vietnamese, written under the dots.
        public var label: [String]
        /// The label lines in English.
        public var labelEN: [String]
    }

    /// A short identifier (`vn-34`).
    public var id: String
    /// What the map shows, for captions.
    public var caption: LocalizedText
    /// The squares.
    public var tiles: [Tile]
    /// Island groups drawn beside the squares.
    public var islands: [Islands]

    /// The number of columns and rows the squares span.
    public var size: (columns: Int, rows: Int) {
        ((tiles.map(\.column).max() ?? -1) + 1, (tiles.map(\.row).max() ?? -1) + 1)
    }

    /// Whether `units` are exactly this layout's units: as many, the same codes, and the names
    /// the layout asks for where a code was reused for another unit (Vietnam's codes 15, 24, 52,
    /// 80, 82 and 91 name different provinces before and after 1 July 2025).
    public func covers(_ units: [UnitInfo]) -> Bool {
        guard units.count == tiles.count else { return false }
        var byCode: [String: UnitInfo] = [:]
        for unit in units where byCode[unit.code] == nil { byCode[unit.code] = unit }
        for tile in tiles {
            guard let unit = byCode[tile.code] else { return false }
            if let name = tile.name {
                let key = UnitNameKey.key(name)
                guard [unit.name, unit.nameEN].contains(where: { $0.map(UnitNameKey.key) == key }) else { return false }
            }
        }
        return true
    }

    /// The shipped layouts, tried in this order.
    public static let shipped: [TileLayout] = [vietnam2025, vietnam2024]

    /// The shipped layout whose units are exactly `units`, if any.
    public static func covering(_ units: [UnitInfo]) -> TileLayout? {
        shipped.first { $0.covers(units) }
    }

    /// A layout from a grid drawn as text: one line per row, cells separated by spaces, each a
    /// unit code or `..` for an empty cell. `labels` are Vietnamese labels with `|` between
    /// lines; English labels are the Vietnamese ones without diacritics unless `labelsEN` gives
    /// one; `names` are the names checked by ``covers(_:)``.
    init(
        id: String, caption: LocalizedText, grid: String, labels: [String: String], labelsEN: [String: String] = [:],
        names: [String: String] = [:], islands: [Islands] = []
    ) {
        self.id = id
        self.caption = caption
        self.islands = islands
        var tiles: [Tile] = []
        for (row, line) in grid.split(separator: "\n").enumerated() {
            for (column, cell) in line.split(separator: " ").enumerated() where cell != ".." {
                let code = String(cell)
                let vi = labels[code] ?? code
                let en = labelsEN[code] ?? Self.withoutDiacritics(vi)
                tiles.append(Tile(code: code, column: column, row: row, label: vi.split(separator: "|").map(String.init),
                                  labelEN: en.split(separator: "|").map(String.init), name: names[code]))
            }
        }
        self.tiles = tiles
    }

    /// `text` without diacritics, case kept (Đà Nẵng → Da Nang).
    static func withoutDiacritics(_ text: String) -> String {
        text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: .diacriticInsensitive, locale: nil)
    }
}
