import CityIndexCore
import CityIndexFormats

extension UnitTrend {
    /// The trend as JSON, as `trend --format json` prints it: the unit, its name, the criteria
    /// set and the periods, then `series` (one object per row of ``seriesTable``) and `growth`
    /// (one per row of ``growthTable``), keyed by the CSV tables' column names; numbers as JSON
    /// numbers, missing values as `null`.
    ///
    /// ```json
    /// {"criteria": "qd2244-provinces", "unit": "01", "name": "Thành phố Hà Nội", "periods": ["2024", "2025"],
    ///  "series": [{"node": "qd2244", "level": 4, "2024_score": 92.14, "2024_rank": 2, …}],
    ///  "growth": [{"indicator": "inp_st_investment", "first_value": 1250, "annual_growth": 0.0312, …}]}
    /// ```
    public var json: String {
        let series = seriesTable, growth = growthTable
        let last = results.last
        let name = last.flatMap { r in r.units.first { $0.code == unit }.map { $0.name(in: language) } }
        let document: [String: Any] = [
            "criteria": last?.criteria.id ?? "",
            "unit": unit,
            "name": name ?? unit,
            "periods": results.map(\.period.description),
            "series": JSONText.objects(header: series.header, rows: series.rows),
            "growth": JSONText.objects(header: growth.header, rows: growth.rows),
        ]
        return JSONText.render(document)
    }
}
