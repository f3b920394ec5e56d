import ArgumentParser
import CityIndexFormats

extension InputOptions {
    /// How to read the data files' layout: `--columns`, `--indicator`, and the region and
    /// whole-country rows to leave out (the shipped names and the `region` values of `registries`).
    ///
    /// - Throws: `ValidationError` when `--columns` cannot be used.
    func layoutOptions(registries: [UnitRegistry]) throws -> ObservationLayoutOptions {
        let mapping: ColumnMapping
        do { mapping = try ColumnMapping(parsing: columns) } catch { throw ValidationError(error.description) }
        return ObservationLayoutOptions(
            columns: mapping, indicator: indicator, regionRows: RegionRowNames(registries: registries))
    }
}
