import ArgumentParser
import CityIndexCore
import CityIndexFormats
import CityIndexReports
import Foundation

/// `cityindex trend`: one unit's scores and ranks over the periods, and its indicators' growth.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Print a unit's scores and ranks at every node over the periods, and its indicators' growth.",
        discussion: """
            Scores every period with data (or --periods A..B) and prints, per node, the unit's score
            and rank in each period; then, per indicator, the observed values at the first and last
            period and their compound annual growth.

            Example:
              cityindex trend --criteria Indicators/qd2244-provinces.yaml --unit "Hà Nội"
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var periods: PeriodOptions
    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("The unit: a code or a name.", valueName: "unit"))
    var unit: String

    @Option(help: "Output format: csv or md.")
    var format: OutputFormat = .md

    @Option(help: "Language of names: vi or en (default: the criteria set's).")
    var lang: Language?

    func run() throws {
        guard let criteriaPath = input.criteria else {
            throw ValidationError("missing --criteria FILE: the criteria set to score against")
        }
        let session = try ScoringSession(input: input, storePath: store.path, criteriaPath: criteriaPath)
        try session.importData(input)
        var selection = periods.selection
        if selection.range == nil { selection.all = true }
        let chosen = try session.periods(single: input.parsedPeriod, selection: selection)
        let scored = try session.score(periods: chosen, selection: selection, runOptions: "trend")
        let results = scored.results
        guard let last = results.last else { return }
        let matcher = UnitMatcher(units: last.units)
        guard case let .found(u) = matcher.match(unit) else {
            throw CLIError("unit \"\(unit)\" is not among the units scored: give a code or a name from the ranking")
        }
        let code = last.units[u].code
        let language = lang ?? session.criteria.set.language
        let set = session.criteria.set
        var writer = CSVWriter(dialect: .data)
        var header = ["node", "level"]
        for r in results { header += ["\(r.period)_score", "\(r.period)_rank"] }
        writer.writeHeader(header)
        let levels = set.levels
        var table = MarkdownTable(header: header, alignments: header.indices.map { $0 < 1 ? .left : .right })
        func text(_ cell: CSVCell) -> String {
            switch cell {
            case let .text(s): return s
            case .empty: return "–"
            default: return CSVWriter.field(cell, dialect: .data)
            }
        }
        for n in set.nodes.indices where set.isScored(n) {
            var cells: [CSVCell] = [.text(set.nodes[n].id), .integer(levels[n])]
            for p in Trend.series(unit: code, node: set.nodes[n].id, in: results) {
                cells.append(p.score.map { .number($0, decimals: set.precision) } ?? .empty)
                cells.append(p.rank.map { .integer($0) } ?? .empty)
            }
            writer.writeRow(cells)
            table.append(cells.map(text))
        }
        var growth = CSVWriter(dialect: .data)
        growth.writeHeader(["indicator", "unit_of_measure", "first_period", "first_value", "last_period", "last_value", "annual_growth"])
        for i in set.scoredIndicatorIndices {
            var values: [(Period, Double)] = []
            for r in results {
                if let row = r.units.firstIndex(where: { $0.code == code }), let v = r.rawValue(node: i, unit: row) {
                    values.append((r.period, v))
                }
            }
            guard let first = values.first, let lastValue = values.last else { continue }
            growth.writeRow([
                .text(set.nodes[i].id), .text(set.nodes[i].unit ?? ""), .text(first.0.description), .number(first.1),
                .text(lastValue.0.description), .number(lastValue.1),
                Trend.compoundAnnualGrowth(values).map { .number($0, decimals: 4) } ?? .empty,
            ])
        }
        let console = Console.current
        let title = "\(last.units[u].name(in: language)) (\(code)), \(set.id)"
        switch format {
        case .csv, .json:
            console.write(writer.text)
            console.write("\n" + growth.text)
        case .md:
            console.write("# \(title)\n\n" + table.text + "\n## " + (language == .en ? "Indicator growth" : "Tăng trưởng chỉ tiêu") + "\n\n")
            var g = MarkdownTable(header: ["indicator", "unit", "first", "last", "annual growth"], alignments: [.left, .left, .right, .right, .right])
            var reader = try CSVReader(bytes: growth.bytes, name: "growth")
            _ = try reader.nextRecord()
            while let record = try reader.nextRecord() {
                let f = record.fields
                let rate = Double(f[6]).map { String(format: "%+.1f %%", $0 * 100) } ?? "–"
                g.append([f[0], f[1], "\(f[3]) (\(f[2]))", "\(f[5]) (\(f[4]))", rate])
            }
            console.write(g.text)
        }
    }
}
