import CityIndexCore
import Foundation
import Testing

@testable import CityIndexFormats

/// How the criteria writer spells one text: `YAMLText.scalar` (plain or double-quoted) and
/// `TableText.field` (formula guard, then RFC 4180 quotes). The round trips through the
/// readers are in `PropertyWriterTests` (CityIndexCLITests).
@Suite("Criteria writer quoting")
struct CriteriaWriterQuotingTests {
    /// Texts that stay plain: letters, inner spaces and punctuation no YAML parser acts on.
    @Test(arguments: ["years", "Hà Nội", "a-b", "a?b", "it's", "per 1000 people", "x!", "a|b", "a=b", "😀", "Tỷ lệ", "a%"])
    func yamlPlain(_ text: String) {
        #expect(YAMLText.scalar(text) == text)
    }

    /// Texts that must be double-quoted, with their spelling.
    @Test(arguments: [
        ("k:?v", #""k:?v""#), ("a:b", #""a:b""#), ("a: b", #""a: b""#), ("a:", #""a:""#), ("#x", "\"#x\""), ("x #y", "\"x #y\""),
        ("x#y", "\"x#y\""), ("{a}", #""{a}""#), ("a,b", #""a,b""#), ("yes", #""yes""#), ("No", #""No""#), ("~", #""~""#),
        ("1e3", #""1e3""#), ("-3 dogs", #""-3 dogs""#), ("=", #""=""#), ("<<", #""<<""#), (" lead", #"" lead""#),
        ("trail ", #""trail ""#), ("a\tb", #""a\tb""#), ("a\r\nb", #""a\r\nb""#), ("a\u{85}b", #""a\u0085b""#),
        ("\u{80}", #""\u0080""#), ("x\u{A0}", "\"x\u{A0}\""), ("a\u{2028}b", #""a\u2028b""#), ("\u{FFFE}", #""\uFFFE""#),
        ("\u{FEFF}a", #""\uFEFFa""#), ("say \"hi\"", #""say \"hi\"""#), ("a\\b", #""a\\b""#),
    ])
    func yamlQuoted(_ text: String, _ spelled: String) {
        #expect(YAMLText.scalar(text) == spelled)
    }

    /// Table fields: the formula guard for text (the shared rule of every CSV the tool writes),
    /// then quotes decided on bytes, so CR LF (one `Character`) is quoted too.
    @Test(arguments: [
        ("plain", "plain"), ("a, b", "\"a, b\""), ("a\r\nb", "\"a\r\nb\""), ("\r\n", "\"'\r\n\""), ("e\u{301}\r\n", "\"e\u{301}\r\n\""),
        ("a\rb", "\"a\rb\""), ("=SUM(A1)", "'=SUM(A1)"), ("+x", "'+x"), ("-3 dogs", "'-3 dogs"), ("@me", "'@me"),
        ("'+x", "''+x"), ("''=x", "'''=x"), ("'x", "'x"), ("\rx", "\"'\rx\""), ("=a,b", "\"'=a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("\"\u{301}", "\"\"\"\u{301}\""), (" lead", "\" lead\""),
    ])
    func tableText(_ text: String, _ spelled: String) {
        #expect(TableText.field(text) == spelled)
    }

    /// Numeric cells are never guarded: `-1` stays `-1`.
    @Test(arguments: ["-1", "-0.5", "1e-07", "-1.7976931348623157e+308", "20"])
    func tableNumber(_ number: String) {
        #expect(TableText.field(number, isNumber: true) == number)
    }

    /// The guard rule is the one `CSVWriter` and the CSV reader share.
    @Test(arguments: ["=x", "'=x", "-", "'", "x", "'\tx", "@", "+1"])
    func tableGuardIsCSVWriters(_ text: String) {
        #expect(TableText.field(text) == CSVWriter.field(.text(text), dialect: .data))
    }
}
