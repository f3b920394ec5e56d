import Foundation

/// Where commands write: standard output and standard error, replaceable in tests.
public struct Console: Sendable {
    /// Writes text to the output stream (no line break added).
    public var write: @Sendable (String) -> Void
    /// Writes one line to the error stream.
    public var error: @Sendable (String) -> Void
    /// Whether standard error is a terminal (progress is shown only then).
    public var errorIsTerminal: Bool

    /// Creates a console.
    public init(write: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void, errorIsTerminal: Bool = false) {
        self.write = write
        self.error = error
        self.errorIsTerminal = errorIsTerminal
    }

    /// The process's standard output and standard error.
    public static let standard = Console(
        write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
        error: { line in FileHandle.standardError.write(Data((line + "\n").utf8)) },
        errorIsTerminal: isatty(2) != 0
    )

    /// The console commands use; tests bind their own.
    @TaskLocal public static var current = Console.standard
}
