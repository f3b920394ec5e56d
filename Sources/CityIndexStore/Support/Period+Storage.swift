import CityIndexCore

extension Period {
    /// An integer that orders periods as `Period`'s `<` does: by start month, coarser first.
    ///
    /// Stored in `period_order` so `ORDER BY period_order` is chronological
    /// (`2024 < 2024-H1 < 2024-Q1 < 2024-01 < … < 2024-Q4 < 2025`).
    var sortKey: Int64 {
        let startMonth = Int64(year) * 12 + Int64((index - 1) * (12 / granularity.perYear))
        return startMonth * 16 + Int64(granularity.rawValue)
    }
}
