import CityIndexCore

// Vietnam's two tile maps, drawn by hand.
//
// How they were made: each unit was put on a grid from the position of its territory (its
// provincial seat and extent: latitude to the row, longitude to the column), then moved by at
// most a cell so that every unit touches its real neighbours where the grid allows, checked
// pair by pair against the provincial borders (Resolution 202/2025/QH15 for the merged units of
// 2025). The northern mountains and the Red River delta fill four or six rows; the central coast
// runs south-east one or two squares a row, with the highlands west of the coast; the south-east
// and the Mekong delta turn back to the west, Cà Mau at the bottom-left. Laos and Cambodia are
// the empty cells to the west, the sea the empty cells to the east. Hoàng Sa (part of Đà Nẵng)
// and Trường Sa (part of Khánh Hòa) are drawn as island groups, not squares.
//
// Known compromises, each a cell from the truth: in 2025, Phú Thọ (with Vĩnh Phúc and Hòa Bình)
// sits south of Sơn La rather than east of it, and Thái Nguyên east of Sơn La; Hà Tĩnh touches
// Ninh Bình. In the 63-unit map, Hà Tĩnh touches Ninh Bình, and Lào Cai leaves a notch on the
// northern border between Lai Châu and Hà Giang.
//
// Tests (TileLayoutTests) check that every unit of the registries in Indicators/units/ appears
// exactly once, that squares and labels do not overlap, and a list of real neighbours.

extension TileLayout {
    /// Vietnam's 34 provincial units in force since 1 July 2025 (`vn-provinces-2025.csv`).
    public static let vietnam2025 = TileLayout(
        id: "vn-34",
        caption: LocalizedText(
            en: "Vietnam's 34 provincial units (since 1 July 2025)",
            vi: "34 đơn vị hành chính cấp tỉnh của Việt Nam (từ 1/7/2025)"),
        grid: """
            12 15 08 04 ..
            11 14 19 20 ..
            .. 25 01 24 22
            .. 38 37 33 31
            .. 40 42 .. ..
            .. .. 44 46 ..
            .. .. .. 48 ..
            .. .. .. 51 ..
            .. .. .. 52 ..
            .. .. .. 66 56
            .. .. 75 68 ..
            .. 80 79 .. ..
            91 82 86 .. ..
            96 92 .. .. ..
            """,
        labels: [
            "01": "Hà|Nội", "04": "Cao|Bằng", "08": "Tuyên|Quang", "11": "Điện|Biên", "12": "Lai|Châu", "14": "Sơn|La",
            "15": "Lào|Cai", "19": "Thái|Nguyên", "20": "Lạng|Sơn", "22": "Quảng|Ninh", "24": "Bắc|Ninh", "25": "Phú|Thọ",
            "31": "Hải|Phòng", "33": "Hưng|Yên", "37": "Ninh|Bình", "38": "Thanh|Hóa", "40": "Nghệ|An", "42": "Hà|Tĩnh",
            "44": "Quảng|Trị", "46": "Huế", "48": "Đà|Nẵng", "51": "Quảng|Ngãi", "52": "Gia|Lai", "56": "Khánh|Hòa",
            "66": "Đắk|Lắk", "68": "Lâm|Đồng", "75": "Đồng|Nai", "79": "TP.HCM", "80": "Tây|Ninh", "82": "Đồng|Tháp",
            "86": "Vĩnh|Long", "91": "An|Giang", "92": "Cần|Thơ", "96": "Cà|Mau",
        ],
        labelsEN: ["79": "HCMC"],
        names: ["15": "Lào Cai", "24": "Bắc Ninh", "52": "Gia Lai", "80": "Tây Ninh", "82": "Đồng Tháp", "91": "An Giang"],
        islands: [
            Islands(column: 4.5, row: 5.4, label: ["Hoàng Sa", "(Đà Nẵng)"], labelEN: ["Hoang Sa", "(Da Nang)"]),
            Islands(column: 4.9, row: 10.5, label: ["Trường Sa", "(Khánh Hòa)"], labelEN: ["Truong Sa", "(Khanh Hoa)"]),
        ])

    /// Vietnam's 63 provincial units of 1 August 2008 to 30 June 2025 (`vn-provinces-2024.csv`).
    public static let vietnam2024 = TileLayout(
        id: "vn-63",
        caption: LocalizedText(
            en: "Vietnam's 63 provincial units (until 30 June 2025)",
            vi: "63 tỉnh, thành phố của Việt Nam (đến 30/6/2025)"),
        grid: """
            12 .. 02 04 .. ..
            11 10 08 06 20 ..
            14 15 26 19 24 22
            .. 25 01 27 30 31
            .. 17 35 33 34 ..
            .. 38 37 36 .. ..
            .. 40 42 .. .. ..
            .. .. 44 45 .. ..
            .. .. .. 46 48 ..
            .. .. .. .. 49 51
            .. .. .. .. 62 52
            .. .. .. .. 64 54
            .. .. .. .. 66 56
            .. .. .. 67 68 58
            .. .. .. 70 60 ..
            .. .. 72 74 75 ..
            .. .. 80 79 77 ..
            .. 87 82 83 .. ..
            89 92 86 84 .. ..
            91 93 94 .. .. ..
            96 95 .. .. .. ..
            """,
        labels: [
            "01": "Hà|Nội", "02": "Hà|Giang", "04": "Cao|Bằng", "06": "Bắc|Kạn", "08": "Tuyên|Quang", "10": "Lào|Cai",
            "11": "Điện|Biên", "12": "Lai|Châu", "14": "Sơn|La", "15": "Yên|Bái", "17": "Hòa|Bình", "19": "Thái|Nguyên",
            "20": "Lạng|Sơn", "22": "Quảng|Ninh", "24": "Bắc|Giang", "25": "Phú|Thọ", "26": "Vĩnh|Phúc", "27": "Bắc|Ninh",
            "30": "Hải|Dương", "31": "Hải|Phòng", "33": "Hưng|Yên", "34": "Thái|Bình", "35": "Hà|Nam", "36": "Nam|Định",
            "37": "Ninh|Bình", "38": "Thanh|Hóa", "40": "Nghệ|An", "42": "Hà|Tĩnh", "44": "Quảng|Bình", "45": "Quảng|Trị",
            "46": "Thừa|Thiên|Huế", "48": "Đà|Nẵng", "49": "Quảng|Nam", "51": "Quảng|Ngãi", "52": "Bình|Định", "54": "Phú|Yên",
            "56": "Khánh|Hòa", "58": "Ninh|Thuận", "60": "Bình|Thuận", "62": "Kon|Tum", "64": "Gia|Lai", "66": "Đắk|Lắk",
            "67": "Đắk|Nông", "68": "Lâm|Đồng", "70": "Bình|Phước", "72": "Tây|Ninh", "74": "Bình|Dương", "75": "Đồng|Nai",
            "77": "BR-VT", "79": "TP.HCM", "80": "Long|An", "82": "Tiền|Giang", "83": "Bến|Tre", "84": "Trà|Vinh",
            "86": "Vĩnh|Long", "87": "Đồng|Tháp", "89": "An|Giang", "91": "Kiên|Giang", "92": "Cần|Thơ", "93": "Hậu|Giang",
            "94": "Sóc|Trăng", "95": "Bạc|Liêu", "96": "Cà|Mau",
        ],
        labelsEN: ["79": "HCMC"],
        names: ["15": "Yên Bái", "24": "Bắc Giang", "52": "Bình Định", "80": "Long An", "82": "Tiền Giang", "91": "Kiên Giang"],
        islands: [
            Islands(column: 5.5, row: 7.4, label: ["Hoàng Sa", "(Đà Nẵng)"], labelEN: ["Hoang Sa", "(Da Nang)"]),
            Islands(column: 5.9, row: 14.35, label: ["Trường Sa", "(Khánh Hòa)"], labelEN: ["Truong Sa", "(Khanh Hoa)"]),
        ])
}
