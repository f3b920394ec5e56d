import Foundation

/// Dates as stored in the store: ISO 8601 in UTC, whole seconds (`2025-07-01T08:30:00Z`).
enum Timestamp {
    static func text(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    static func date(_ text: String) -> Date? {
        try? Date(text, strategy: Date.ISO8601FormatStyle(timeZone: .gmt))
    }

    /// `date` truncated to whole seconds, as it reads back from the store.
    static func truncated(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
