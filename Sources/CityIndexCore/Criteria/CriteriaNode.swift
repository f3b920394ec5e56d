/// One node of a criteria tree: an indicator (no children) or an aggregate.
public struct CriteriaNode: Sendable, Hashable {
    /// The node's id, unique within the set.
    public var id: String
    /// The node's name.
    public var name: LocalizedText
    /// A longer description, in Vietnamese and/or English (empty: none).
    public var description: LocalizedText
    /// The unit of measure of an indicator's values ("years", "% of GRDP"), in Vietnamese and/or
    /// English (empty: none).
    public var unit: LocalizedText
    /// The data source of an indicator (empty: none).
    public var source: LocalizedText
    /// Free notes (empty: none).
    public var notes: LocalizedText
    /// What the indicator's value is (`kind:`), nil when not declared.
    public var kind: IndicatorKind?
    /// Weight relative among siblings (default 1).
    public var weight: Double
    /// A target value (used by `target` and `bands` normalisation and by reports).
    public var target: Double?
    /// False for data-only values (denominators, attributes kept for reference).
    public var scored: Bool
    /// Tags that views select by (`tags: [core]`; `--only core` scores the indicators tagged, or
    /// under a node tagged, core).
    public var tags: [String] = []
    /// The node's own step settings, as written (nil = inherited from the set's defaults).
    public var settings: StepSettings
    /// Index of the parent in `CriteriaSet.nodes`, nil for the root.
    public internal(set) var parent: Int?
    /// Indices of the children in `CriteriaSet.nodes`, in the order written.
    public internal(set) var children: [Int] = []
    /// Depth from the root (root = 0).
    public internal(set) var depth: Int = 0
    /// Where the node was written.
    public var place: SourcePlace

    /// Creates a node; the tree links are set by `CriteriaSet`.
    public init(
        id: String, name: LocalizedText = LocalizedText(), description: LocalizedText = LocalizedText(),
        unit: LocalizedText = LocalizedText(), source: LocalizedText = LocalizedText(), notes: LocalizedText = LocalizedText(),
        weight: Double = 1, target: Double? = nil,
        scored: Bool = true, settings: StepSettings = StepSettings(), parent: Int? = nil,
        place: SourcePlace
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.unit = unit
        self.source = source
        self.notes = notes
        self.weight = weight
        self.target = target
        self.scored = scored
        self.settings = settings
        self.parent = parent
        self.place = place
    }

    /// True for a node without children.
    public var isIndicator: Bool { children.isEmpty }

    /// The node's display name in `language`, falling back to its id.
    public func displayName(in language: Language) -> String {
        name.text(in: language, fallback: id)
    }
}
