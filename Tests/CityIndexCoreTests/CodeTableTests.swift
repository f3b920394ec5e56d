import CityIndexCore
import Testing

@Suite("CodeTable")
struct CodeTableTests {
    @Test("finds every key added, through many growths, entries numbered in the order added", arguments: [1, 9, 20_000])
    func addAndFind(count: Int) {
        var table = CodeTable<Int>()
        // Codes that differ only in their last characters, as unit and indicator codes do.
        let keys = (0..<count).map { "U\(String(repeating: "0", count: 5 - min(5, String($0).count)))\($0)" }
        for (k, key) in keys.enumerated() {
            #expect(table.entry(of: key) == nil)
            #expect(table.add(key, k * 10) == k)
        }
        #expect(table.count == count)
        for (k, key) in keys.enumerated() {
            #expect(table.entry(of: key) == k)
            #expect(table[key] == k * 10)
            #expect(table.key(at: k) == key)
        }
        #expect(table.entry(of: "U") == nil)
        #expect(table["not a code"] == nil)
    }

    @Test("an entry's value changes in place")
    func valueInPlace() {
        var table = CodeTable<[String]>()
        let e = table.add("ind001", ["2023"])
        table[entry: e].append("2024")
        #expect(table["ind001"] == ["2023", "2024"])
    }

    @Test("keys are their bytes: the NFC and NFD spellings of one name are two keys, empty and long keys are keys")
    func bytes() {
        var table = CodeTable<Int>()
        let nfc = "H\u{E0} N\u{1ED9}i", nfd = "Ha\u{300} No\u{323}\u{302}i"
        #expect(nfc == nfd)  // equal as Swift strings
        table.add(nfc, 1)
        #expect(table.entry(of: nfd) == nil)
        table.add(nfd, 2)
        #expect(table[nfc] == 1 && table[nfd] == 2)
        table.add("", 3)
        let long = String(repeating: "Thành phố Hồ Chí Minh ", count: 20)
        table.add(long, 4)
        #expect(table[""] == 3 && table[long] == 4)
        #expect(table[String(long.dropLast())] == nil)
    }
}
