/// Where something was written: a file, a line and column, and a criteria path.
public struct SourcePlace: Sendable, Hashable, CustomStringConvertible {
    /// The file name as the user gave it.
    public var file: String
    /// 1-based line, or 0 when unknown.
    public var line: Int
    /// 1-based column, or 0 when unknown.
    public var column: Int
    /// The criteria path, such as `root.children[2].weight`, or empty.
    public var path: String

    /// Creates a place.
    public init(file: String, line: Int = 0, column: Int = 0, path: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
    }

    /// `file:line:column` (or `file` alone when the position is unknown).
    public var location: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }

    /// `file:line:column (path)`.
    public var description: String {
        path.isEmpty ? location : "\(location) (\(path))"
    }

    /// The same place with a longer criteria path.
    public func appending(path component: String) -> SourcePlace {
        var copy = self
        copy.path = path.isEmpty ? component : (component.hasPrefix("[") ? path + component : path + "." + component)
        return copy
    }
}
