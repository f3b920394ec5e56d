import CityIndexCore

/// Suggests the indicator id a user probably meant when a name is close to one.
enum IndicatorSuggestion {
    /// The largest distance at which `name` counts as a likely typo of `id`: 1 for ids of up to
    /// 4 characters (so `GDP` is not a typo of `Gas`), 2 otherwise.
    static func threshold(for id: String) -> Int { id.count <= 4 ? 1 : 2 }

    /// The id in `ids` closest to `name` within its threshold but not equal to it ignoring case;
    /// ties resolve to the alphabetically first id.
    static func closest(to name: String, in ids: Set<String>) -> String? {
        var best: (id: String, distance: Int)?
        for id in ids.sorted() {
            let d = EditDistance.between(name, id)
            guard d > 0, d <= threshold(for: id) else { continue }
            if best.map({ d < $0.distance }) ?? true { best = (id, d) }
        }
        return best?.id
    }
}
