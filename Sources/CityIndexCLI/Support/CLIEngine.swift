import CityIndexEngine

extension Engine {
    /// The engine of a command: imports, notes and warnings on standard error, one line each
    /// (`import` prints its summaries on standard output instead).
    static func forCommand(importsToOutput: Bool = false) -> Engine {
        let console = Console.current
        return Engine { event in
            switch event {
            case let .imported(file, summary):
                if importsToOutput { console.write("\(file): \(summary)\n") } else { console.error("\(file): \(summary)") }
            case let .note(text):
                console.error(text)
            case let .warning(text):
                console.error("warning: \(text)")
            case let .error(text):
                console.error("error: \(text)")
            }
        }
    }
}
