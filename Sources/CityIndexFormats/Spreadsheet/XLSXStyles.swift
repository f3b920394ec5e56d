/// The cell formats of a workbook being written: the default, the bold header, one number
/// format per count of decimals used (`0`, `0.00`, `0.0000` …) and, when used, wrapped text
/// (the labels above a header).
struct XLSXStyles {
    /// Decimals → index in `cellXfs`.
    private var byDecimals: [Int: Int] = [:]
    /// The number formats in the order they were first used: (numFmtId, decimals).
    private var formats: [(id: Int, decimals: Int)] = []
    /// The `cellXfs` entries after the first two, in index order.
    private var entries: [String] = []
    /// The index of wrapped text, once used.
    private var wrapped: Int?

    /// The style index of text wrapped in its cell, top-aligned.
    mutating func wrapStyle() -> Int {
        if let wrapped { return wrapped }
        entries.append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>")
        let style = 2 + entries.count - 1
        wrapped = style
        return style
    }

    /// The style index of header cells (bold).
    let headerStyle = 1

    /// The style index showing `decimals` places.
    mutating func style(decimals: Int) -> Int {
        let d = min(max(decimals, 0), 15)
        if let s = byDecimals[d] { return s }
        let id: Int
        switch d {
        case 0: id = 1
        case 2: id = 2
        default: id = 164 + formats.filter { $0.id >= 164 }.count
        }
        formats.append((id, d))
        entries.append("<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>")
        let style = 2 + entries.count - 1
        byDecimals[d] = style
        return style
    }

    /// `xl/styles.xml`.
    var xml: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        let custom = formats.filter { $0.id >= 164 }
        if !custom.isEmpty {
            xml += "<numFmts count=\"\(custom.count)\">"
            for f in custom { xml += "<numFmt numFmtId=\"\(f.id)\" formatCode=\"0.\(String(repeating: "0", count: f.decimals))\"/>" }
            xml += "</numFmts>"
        }
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(2 + entries.count)\">"
        xml += "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        xml += "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        xml += entries.joined()
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }
}
