/// The units, indicators and periods an import meets for the first time, with the ids it gave
/// them, not yet written to the store.
///
/// They go to the store with the next batch of values, on the thread that writes that batch,
/// or before the import's own statements on the caller's thread: meeting a new unit never
/// waits for the batch being written (``KeyWriter``).
struct NewKeys {
    var units: [(id: Int64, code: String)] = []
    var indicators: [(id: Int64, code: String)] = []
    var periods: [(id: Int64, text: String, order: Int64)] = []

    var isEmpty: Bool { units.isEmpty && indicators.isEmpty && periods.isEmpty }
}
