import CityIndexCore

/// The words of the maps, in the report language.
struct MapLabels: Sendable {
    var language: Language

    private var en: Bool { language == .en }

    var section: String { en ? "Map" : "Bản đồ" }
    var legendTitle: String { en ? "Score" : "Điểm" }
    var notRanked: String { en ? "Not ranked" : "Không xếp hạng" }
    var absent: String { en ? "Not in the data" : "Không có trong dữ liệu" }
    var rank: String { en ? "rank" : "hạng" }

    /// A unit's tooltip: `Ha Noi: 93.34 (rank 2)`, or `…: Not ranked`.
    func tooltip(_ result: ScoreResult, unit u: Int) -> String {
        let name = result.units[u].name(in: language)
        guard result.isRanked(u), let score = result.score(node: 0, unit: u), let rank = result.rank(node: 0, unit: u) else {
            return name + ": " + notRanked
        }
        return name + ": " + DisplayNumber.format(score, decimals: result.displayDecimals, language: language) + " (\(self.rank) \(rank))"
    }

    /// The title drawn on a map.
    func title(period: Period) -> String {
        en ? "Index score, \(period)" : "Điểm chỉ số, \(period)"
    }

    /// The image's alternative text.
    func tileAlt(_ layout: TileLayout) -> String {
        (en ? "Tile map of the score: " : "Bản đồ ô theo điểm: ") + layout.caption.text(in: language, fallback: layout.id)
    }

    /// The caption under the tile map.
    func tileCaption(_ layout: TileLayout, absent: Bool) -> String {
        let what = layout.caption.text(in: language, fallback: layout.id)
        return en
            ? "Tile map of \(what): one square per unit, placed to keep neighbours near each other, north at top, not to scale. Colour: score class (a class includes its lower bound); hatched: not ranked" + (absent ? "; blank: not in the data." : ".")
            : "Bản đồ ô, \(what): mỗi ô vuông là một đơn vị, đặt sao cho các đơn vị giáp nhau ở gần nhau, phía bắc ở trên, không theo tỉ lệ. Màu: lớp điểm (mỗi lớp gồm cận dưới); gạch chéo: không xếp hạng" + (absent ? "; để trống: không có trong dữ liệu." : ".")
    }

    /// The alternative text and caption of the choropleth drawn from `file`.
    func geoAlt(file: String) -> String { en ? "Map of the score (\(file))" : "Bản đồ điểm (\(file))" }

    func geoCaption(file: String) -> String {
        en
            ? "Map drawn from \(file) (sinusoidal equal-area projection, north at top). Colour: score class; hatched: not ranked."
            : "Bản đồ vẽ từ \(file) (phép chiếu sin đồng diện tích, phía bắc ở trên). Màu: lớp điểm; gạch chéo: không xếp hạng."
    }

    /// The profile's caption: the unit outlined on the tile map.
    func profileAlt(_ name: String) -> String { en ? "\(name) on the tile map" : "\(name) trên bản đồ ô" }

    func profileCaption(_ name: String) -> String {
        en ? "\(name) is outlined; the colours are every unit's score class." : "\(name) được viền đậm; màu là lớp điểm của mọi đơn vị."
    }
}
