/// The shared strings of a workbook being written: each distinct text once, in first-use order.
struct SharedStringTable {
    private var indices: [String: Int] = [:]
    private var strings: [String] = []
    private var uses = 0

    /// The index of `text`, adding it when new.
    mutating func index(of text: String) -> Int {
        uses += 1
        if let i = indices[text] { return i }
        indices[text] = strings.count
        strings.append(text)
        return strings.count - 1
    }

    /// `xl/sharedStrings.xml`.
    var xml: String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"\(uses)\" uniqueCount=\"\(strings.count)\">"
        for s in strings { xml += "<si><t xml:space=\"preserve\">\(SpreadsheetXML.escape(s))</t></si>" }
        return xml + "</sst>"
    }
}
