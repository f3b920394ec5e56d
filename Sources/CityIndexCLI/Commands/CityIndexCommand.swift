import ArgumentParser
import CityIndexEngine
import Foundation

/// `cityindex`: score and rank provinces and cities against a criteria set.
public struct CityIndexCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "cityindex",
        abstract: "Score and rank provinces and cities against a criteria set, and write ranked reports.",
        discussion: """
            Data flow: files → store (SQLite) → scoring → reports.

            Start with the shipped demo (Decision 2244 set, illustrative data for the 34 provinces):
              cityindex report

            Score your own data in one go (imports into ./cityindex.sqlite first):
              cityindex score --criteria Indicators/hdi.yaml --data inputs-2022.csv \\
                  --period 2022

            Exit codes: 0 success, 1 bad input data or criteria, 2 usage, 3 store conflict or lock.
            """,
        version: ToolInfo.version,
        subcommands: [
            ReportCommand.self, ScoreCommand.self, ImportCommand.self, ValidateCommand.self, RunsCommand.self,
            ConvertCommand.self, TrendCommand.self, UnitsCommand.self, TemplateCommand.self, CompareCommand.self, ProfileCommand.self, WhatItTakesCommand.self,
            SensitivityCommand.self, AuditCommand.self,
        ]
    )

    public init() {}

    /// Runs the command line `arguments` (without the program name) and returns the exit code.
    /// Output goes to `Console.current`.
    public static func run(arguments: [String]) -> Int32 {
        let console = Console.current
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                console.write(message.hasSuffix("\n") ? message : message + "\n")
                return 0
            }
            console.error(message)
            return ExitStatus.usage.rawValue
        }
        do {
            try command.run()
            return 0
        } catch let error as ExitCode {
            return error.rawValue
        } catch {
            if error is ValidationError {
                console.error(fullMessage(for: error))
                return ExitStatus.usage.rawValue
            }
            if exitCode(for: error) == .success {
                let message = fullMessage(for: error)
                console.write(message.hasSuffix("\n") ? message : message + "\n")
                return 0
            }
            for line in String(describing: error).split(separator: "\n") { console.error("error: \(line)") }
            return ExitStatus.of(error).rawValue
        }
    }
}
