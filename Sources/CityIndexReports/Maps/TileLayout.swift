import CityIndexCore
import Foundation

/// A tile map: one square per unit on a grid, placed by hand so that neighbours stay near each
/// other and the country's shape is recognisable (north at top; not to scale).
///
/// A report draws the layout that holds the result's units (``covering(_:)``); Vietnam's two
/// layouts ship (``vietnam2025``, ``vietnam2024``).
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
        /// Vietnam's codes 15, 24, 52, 80, 82 and 91 name different provinces before and after
        /// 1 July 2025.
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

    /// Whether a square of this layout stands for `unit`: the same code and, where the code was
    /// reused for another unit, the same name (its name or English name, compared by
    /// ``UnitNameKey``: no case, diacritics or "Tỉnh"/"Thành phố").
    public func draws(_ unit: UnitInfo) -> Bool {
        guard let tile = tiles.first(where: { $0.code == unit.code }) else { return false }
        guard let name = tile.name else { return true }
        let key = UnitNameKey.key(name)
        return [unit.name, unit.nameEN].contains { $0.map(UnitNameKey.key) == key }
    }

    /// The shipped layouts.
    public static let shipped: [TileLayout] = [vietnam2025, vietnam2024]

    /// The shipped layout that holds `units`, if exactly one does: every unit has its square,
    /// they fill at least half the squares, and at least one of them has a square in no other
    /// layout (so the basis is certain: Lào Cai as 15, or Hà Giang as 02). Squares of the
    /// layout without a unit are units absent from the data.
    public static func covering(_ units: [UnitInfo]) -> TileLayout? {
        let fits = shipped.filter { layout in
            units.count * 2 >= layout.tiles.count && units.allSatisfy(layout.draws)
                && units.contains { unit in !shipped.contains { $0.id != layout.id && $0.draws(unit) } }
        }
        return fits.count == 1 ? fits[0] : nil
    }

    /// A layout from a grid drawn as text: one line per row, cells separated by spaces, each a
    /// unit code or `..` for an empty cell. `labels` are Vietnamese labels with `|` between
    /// lines; English labels are the Vietnamese ones without diacritics unless `labelsEN` gives
    /// one; `names` are the names checked by ``draws(_:)``.
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
