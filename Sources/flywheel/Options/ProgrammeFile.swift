import ArgumentParser
import FlywheelLoyalty
import Foundation

/// Reads a loyalty programme file for `serve` and `demo`: loaded and validated, every problem naming its key.
enum ProgrammeFile {
    static func load(_ path: String) throws -> Programme {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read the programme file \(path)")
        }
        do {
            return try Programme.load(from: data)
        } catch {
            throw ValidationError("\(path): \(error.description)")
        }
    }
}
