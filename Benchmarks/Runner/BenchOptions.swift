import Foundation

/// The runner's command line.
struct BenchOptions {
    var sizes: [BenchSize] = [BenchSize.all[0], BenchSize.all[1]]
    var work = "/tmp/cityindex-bench"
    var orders: [RowOrder] = RowOrder.allCases
    var suites: Set<String> = ["scale"]
    var pandas = true
    var real = true
    var help = false
    /// `--repeat`: passes per size; nil takes ``defaultRepeats``.
    var repeatCount: Int?

    /// Passes when `--repeat` is not given: three for S and M (a few minutes), one for L (a
    /// pass of L takes about a quarter of an hour).
    static func defaultRepeats(_ size: BenchSize) -> Int { size.name == "L" ? 1 : 3 }

    /// How many times each step of `size` runs; the table gives the fastest.
    func repeats(_ size: BenchSize) -> Int { repeatCount ?? Self.defaultRepeats(size) }

    static let usage = """
        usage: cityindex-bench [--sizes S,M,L] [--orders O,…] [--work DIR] [--suite scale|sensitivity|all] [--no-pandas] [--no-real] [--repeat N]

          Times the real `cityindex` (built beside this executable by `swift build -c release`)
          in child processes, on three row orders of each size's file.

          --sizes     sizes to run (default S,M): S 34x50x5, M 3321x100x3, L 10600x200x10
          --orders    row orders to run (default all): period-major, unit-indicator-period, shuffled
          --work      folder for generated files, stores and reports (default /tmp/cityindex-bench)
          --suite     scale (default), sensitivity, or all
          --no-pandas skip the pandas/numpy baseline
          --no-real   skip the GSO tables in ../shared/data/vn and Indicators/gso-provinces.yaml
          --repeat    passes over every step (default 3 for S, M and the real data, 1 for L); each
                      line gives its step's fastest pass and each ratio compares fastest passes,
                      so that a pass slowed by other work on the machine does not decide a target
        """

    init(_ arguments: [String]) throws {
        var i = 0
        func value() throws -> String {
            i += 1
            guard i < arguments.count else { throw BenchError("\(arguments[i - 1]) needs a value") }
            return arguments[i]
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--sizes":
                sizes = try value().split(separator: ",").map { name in
                    guard let s = BenchSize.named(String(name)) else { throw BenchError("unknown size \(name)") }
                    return s
                }
            case "--work": work = try value()
            case "--orders":
                orders = try value().split(separator: ",").map { name in
                    guard let o = RowOrder(rawValue: String(name)) else { throw BenchError("unknown row order \(name)") }
                    return o
                }
            case "--suite":
                let s = try value()
                suites = s == "all" ? ["scale", "sensitivity"] : [s]
            case "--no-pandas": pandas = false
            case "--no-real": real = false
            case "--repeat":
                let text = try value()
                guard let n = Int(text), n >= 1 else { throw BenchError("--repeat needs a whole number of passes, 1 or more, not \(text)") }
                repeatCount = n
            case "-h", "--help": help = true
            default: throw BenchError("unknown argument \(arguments[i])\n\(Self.usage)")
            }
            i += 1
        }
    }
}
