/// A CSV file that could not be written.
public enum CSVWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Writing `path` failed; nothing was replaced.
    case cannotWrite(path: String, reason: String)

    /// `path: cannot write the file (reason): check that the folder exists and is writable.`
    public var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the file (\(reason)): check that the folder exists and is writable."
        }
    }
}
