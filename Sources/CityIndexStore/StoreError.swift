/// An error of the store that a user can act on; every case prints as sentences naming the
/// place (store path, file:line:column).
///
/// The command line maps ``locked(path:)`` and ``conflicts(_:)`` to exit code 3 (DESIGN §7).
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another connection holds the store's write lock past the busy timeout
    /// (`SQLITE_BUSY` / `SQLITE_LOCKED`).
    case locked(path: String)
    /// The store's schema version is newer than this tool knows.
    case newerSchema(path: String, found: Int, known: Int)
    /// Imported values differ from stored ones (or a file gives one key two values); nothing
    /// was written.
    case conflicts([Conflict])
    /// Imported values that are NaN or infinite; nothing was written.
    case nonFiniteValues(fileName: String, [ObservationInput])
    /// A stored value cannot be read back (for example a period text that does not parse).
    case corrupt(path: String, detail: String)
    /// A file or folder cannot be read or created.
    case fileAccess(path: String, reason: String)

    /// How many conflicts the description lists before summarising the rest.
    public static let listedConflictLimit = 20

    public var description: String {
        switch self {
        case .locked(let path):
            return "the store \(path) is locked: another cityindex process is using it; "
                + "retry when it has finished"
        case .newerSchema(let path, let found, let known):
            return "the store \(path) has schema version \(found), but this cityindex knows "
                + "versions up to \(known); use a newer cityindex"
        case .conflicts(let conflicts):
            return Self.describe(conflicts)
        case .nonFiniteValues(let fileName, let rows):
            let lines = rows.prefix(Self.listedConflictLimit).map {
                "\(fileName):\($0.line):\($0.column): value \($0.value) for "
                    + "\($0.unit) / \($0.indicator) / \($0.period) is not a finite number"
            }
            let more = rows.count > Self.listedConflictLimit
                ? ["… and \(rows.count - Self.listedConflictLimit) more"] : []
            return (["\(rows.count) value(s) are not finite numbers; nothing was imported"] + lines + more)
                .joined(separator: "\n")
        case .corrupt(let path, let detail):
            return "the store \(path) holds an unreadable value: \(detail)"
        case .fileAccess(let path, let reason):
            return "cannot access \(path): \(reason)"
        }
    }

    private static func describe(_ conflicts: [Conflict]) -> String {
        let stored = conflicts.filter { !$0.isWithinFile }.count
        let withinFile = conflicts.count - stored
        var head: [String] = []
        if stored > 0 {
            head.append(
                "\(stored) value(s) conflict with stored values; nothing was imported; "
                    + "use --replace to overwrite; the old values are kept in history")
        }
        if withinFile > 0 {
            head.append(
                "\(withinFile) key(s) appear more than once in the file with different values; "
                    + "nothing was imported")
        }
        var lines = head + conflicts.prefix(listedConflictLimit).map(\.description)
        if conflicts.count > listedConflictLimit {
            lines.append("… and \(conflicts.count - listedConflictLimit) more")
        }
        return lines.joined(separator: "\n")
    }
}
