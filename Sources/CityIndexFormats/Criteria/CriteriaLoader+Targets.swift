import CityIndexCore
import Foundation

extension CriteriaLoader {
    /// Reads the targets file of `set` (``targetsFile`` when given, else the one the set names,
    /// relative to `directory`) into `set.targets`.
    ///
    /// - Throws: ``CriteriaError/invalid(_:)`` with every problem of the file at its `file:line:column`.
    func attachTargets(to set: inout CriteriaSet, declaredAt: SourcePlace?, directory: String) throws(CriteriaError) {
        let path: String
        if let given = targetsFile {
            path = given
        } else if case let .file(named)? = set.targetsDeclaration {
            path = named.hasPrefix("/") || directory.isEmpty ? named : (directory as NSString).appendingPathComponent(named)
        } else {
            return
        }
        do throws(TargetsFileError) {
            set.targets = try TargetsFileReader(criteria: set, maxProblems: maxProblems).read(path: path)
        } catch {
            throw .invalid(Self.problems(error, path: path, namedBySet: targetsFile == nil, declaredAt: declaredAt ?? SourcePlace(file: set.file)))
        }
    }

    /// The problems of a targets file as criteria problems, each at its place.
    private static func problems(_ error: TargetsFileError, path: String, namedBySet: Bool, declaredAt: SourcePlace) -> [CriteriaProblem] {
        switch error {
        case let .invalid(problems):
            return problems.map { CriteriaProblem(place: $0.place, message: $0.message) }
        case let .csv(.cannotRead(_, reason)):
            return [CriteriaProblem(
                place: namedBySet ? declaredAt : SourcePlace(file: path),
                message: "cannot read the targets file \(path)\(namedBySet ? " named by the set" : "") (\(reason)); give a CSV file with columns indicator, target, source")]
        case let .csv(e):
            let position = e.position
            return [CriteriaProblem(place: SourcePlace(file: e.file, line: position?.line ?? 0, column: position?.column ?? 0), message: e.message)]
        }
    }
}
