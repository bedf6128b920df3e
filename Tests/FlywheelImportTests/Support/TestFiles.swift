import Foundation
@testable import FlywheelImport
import FlywheelCore

/// Paths of the repository's fixtures and throwaway files for tests.
enum TestFiles {
    /// `Tests/Fixtures/<relative>`, found from this source file's location.
    static func fixture(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(relative).path
    }

    /// A new empty directory under the system's temporary directory.
    static func temporaryDirectory() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flywheel-test-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `bytes` to a new temporary file and returns its path.
    static func write(_ bytes: [UInt8], name: String = "input.csv") -> String {
        let url = temporaryDirectory().appendingPathComponent(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }

    static func write(_ text: String, name: String = "input.csv") -> String { write(Array(text.utf8), name: name) }

    /// A fixed "now" so that date rules do not depend on the day the tests run.
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    static func importFile(
        _ path: String, format: ImportFormat, into store: any FlywheelStore, strict: Bool = false,
        report: String? = nil, batchSize: Int = 5_000
    ) async throws -> ImportSummary {
        try await OrderHistoryImporter(store: store).run(
            path: path,
            options: ImportOptions(format: format, strict: strict, errorReportPath: report, batchSize: batchSize, now: now))
    }
}
