import CityIndexCore

/// The names of the region and whole-country rows that statistical tables print among the
/// units (`CẢ NƯỚC`, `Đồng bằng sông Hồng`, `Red River Delta` …): the reader leaves such rows out
/// and reports them, never takes them for units.
///
/// Names compare as unit names do (``UnitNameKey``: no case, diacritics or punctuation), and a
/// leading "Vùng" (region) is ignored. The list is Vietnam's: the whole country and its
/// socio-economic regions (the six of today and the eight used before 2006), in Vietnamese and
/// English, with the spellings of the General Statistics Office's yearbooks. A criteria set's
/// registries add their `region` values; a name that is a unit of those registries is never a
/// region row.
public struct RegionRowNames: Sendable, Equatable {
    /// The shipped names: the whole country, then each region in Vietnamese and English.
    ///
    /// Sources: the Vietnamese names as the GSO's Statistical Yearbook (Niên giám thống kê)
    /// prints them, for the six regions of today and the eight of the classification used
    /// before 2006; the English names as its English edition prints them, with every spelling
    /// of its province tables of 1995-2016 (the region and country rows' `area_name_gso` in
    /// `../shared/data/vn/gso-province-tables-1995-2016.csv`, checked by a test), and the
    /// `region` values of `Indicators/units/`.
    public static let shipped: [String] = [
        // The whole country.
        "Cả nước", "Toàn quốc", "Tổng số", "Tổng cộng", "Whole country", "Total",
        // Six socio-economic regions (GSO, since 2006).
        "Đồng bằng sông Hồng", "Red River Delta",
        "Trung du và miền núi phía Bắc", "Northern midlands and mountain areas", "Northern Midlands and Mountains",
        "Northern midlands and mountainous areas",
        "Bắc Trung Bộ và duyên hải miền Trung",
        "North Central and Central coastal areas", "North Central area and Central coastal area",
        "Northern Central area and Central coastal area", "North Central and Central Coast",
        "Tây Nguyên", "Central Highlands",
        "Đông Nam Bộ", "South East", "Southeast",
        "Đồng bằng sông Cửu Long", "Mekong River Delta", "Mekong Delta",
        // Eight regions of the earlier classification, and the three parts of the country.
        "Đông Bắc", "Đông Bắc Bộ", "Tây Bắc", "Tây Bắc Bộ", "Bắc Trung Bộ", "North Central Coast",
        "Duyên hải Nam Trung Bộ", "Nam Trung Bộ", "South Central Coast",
        "Miền Bắc", "Miền Trung", "Miền Nam",
    ]

    private var keys: Set<String>
    /// The shortest key's length in bytes: a shorter text (a code such as `01`) is no region
    /// name, without folding it.
    private var shortest: Int
    /// Whether some name holds a digit; when none does, a text with a digit (a code such as
    /// `U00017`) is no region name, without folding it.
    private var digits: Bool

    /// The shipped names, plus `adding`, less any name in `exempting` (names of real units).
    public init(adding extra: [String] = [], exempting units: [String] = []) {
        keys = Set((Self.shipped + extra).map(Self.key)).subtracting(units.map(Self.key))
        keys.remove("")
        shortest = keys.map(\.utf8.count).min() ?? 0
        digits = keys.contains { $0.utf8.contains(where: Self.isDigit) }
    }

    /// The shipped names plus the `region` values of `registries`, less their units' names.
    public init(registries: [UnitRegistry]) {
        let units = registries.flatMap(\.units)
        let regions = units.compactMap { u in u.attributes.first { $0.key.lowercased() == "region" }?.value }
        self.init(adding: regions, exempting: units.flatMap { [$0.name, $0.nameEN].compactMap { $0 } })
    }

    /// No names: every row is a unit.
    public static let none = RegionRowNames(empty: ())

    private init(empty: Void) {
        keys = []
        shortest = 0
        digits = false
    }

    /// Whether `name` names a region or the whole country.
    ///
    /// - Complexity: O(name length).
    public func contains(_ name: String) -> Bool {
        guard !keys.isEmpty, name.utf8.count >= shortest, digits || !name.utf8.contains(where: Self.isDigit) else {
            return false
        }
        return keys.contains(Self.key(name))
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// The name's matching key: ``UnitNameKey/key(_:)`` without a leading "vung" (region).
    static func key(_ name: String) -> String {
        let k = UnitNameKey.key(name)
        return k.hasPrefix("vung ") ? String(k.dropFirst(5)) : k
    }
}
