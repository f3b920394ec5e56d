import Foundation
import Testing

@testable import CityIndexFormats

/// Long tables are streamed to a temporary file that is asked to be written back to disk as it
/// grows and renamed over the destination at the end.
@Suite("CSV file stream")
struct CSVFileStreamTests {
    func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-stream-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a file several write-back steps long holds exactly the bytes appended, in chunks of any size")
    func longFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("scores.csv").path
        let stream = try CSVFileStream(path: path)
        var expected: [UInt8] = []
        var generator = SystemRandomNumberGenerator()
        // Chunks of up to 3 MiB, ending between write-back steps, past 2.5 steps.
        while Int64(expected.count) < CSVFileStream.writeBackStep * 5 / 2 {
            let count = Int.random(in: 1...(3 << 20), using: &generator)
            let chunk = (0..<count).map { UInt8(truncatingIfNeeded: expected.count &+ $0 &* 31) }
            try stream.append(chunk)
            expected += chunk
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        try stream.commit()
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: path))) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["scores.csv"])
    }

    @Test("a stream dropped without commit leaves the destination as it was and no temporary file")
    func dropped() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("ranking.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: path))
        do {
            let stream = try CSVFileStream(path: path)
            try stream.append([UInt8](repeating: 0x41, count: Int(CSVFileStream.writeBackStep) + 1))
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["ranking.csv"])
    }
}
