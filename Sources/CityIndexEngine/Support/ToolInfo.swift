import Foundation

/// Facts about this build of the tool.
public enum ToolInfo {
    /// The version printed by `--version` and in every report header.
    public static let version = "0.1.0"

    /// The date written in report headers: `--as-of`, else `SOURCE_DATE_EPOCH`, else today (UTC).
    public static func generationDate(asOf: String?) -> String {
        if let asOf { return asOf }
        let seconds = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init)
        let date = seconds.map { Date(timeIntervalSince1970: $0) } ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
