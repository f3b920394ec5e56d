/// One cell of the benchmarking wheel: a node's sector and what its colour says.
struct WheelCell: Sendable, Hashable {
    /// What a cell's colour says.
    enum State: Sendable, Hashable {
        /// The node's score falls in band `k` (0 = best).
        case band(Int)
        /// The score is below every band the set names.
        case belowBands
        /// Values were reported but have no target: left out.
        case noTarget
        /// Nothing was reported.
        case notReported
    }

    /// The node (index in the criteria set).
    var node: Int
    /// The ring, 0 = the centre disc.
    var ring: Int
    /// Where it is drawn.
    var sector: WheelGeometry.Sector
    /// What its colour says.
    var state: State
}
