import Foundation
import FlywheelCore

/// Identifies a file's content cheaply, to recognise an interrupted import of the same file:
/// its size and a stable hash of its first and last 64 KiB.
enum FileFingerprint {
    static func of(path: String) throws -> (fingerprint: String, size: Int64) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFileError("cannot open \(path): no such file or no permission to read it")
        }
        defer { try? handle.close() }
        let size = Int64(try handle.seekToEnd())
        var hasher = StableHasher()
        try handle.seek(toOffset: 0)
        hasher.combine(try handle.read(upToCount: 65_536) ?? Data())
        if size > 65_536 {
            try handle.seek(toOffset: UInt64(max(65_536, size - 65_536)))
            hasher.combine(try handle.read(upToCount: 65_536) ?? Data())
        }
        hasher.combine(size)
        let hex = String(UInt64(bitPattern: hasher.value), radix: 16)
        return ("\(size)-\(hex)", size)
    }
}
