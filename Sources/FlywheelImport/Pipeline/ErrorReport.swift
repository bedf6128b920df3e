import FlywheelCore
import Foundation

/// Writes rejected rows to a CSV file (`line,field,reason`) as they come, so memory stays flat however
/// many rows are bad. The file is created on the first rejection; a resumed import appends.
final class ErrorReport {
    private let path: String?
    private var handle: FileHandle?
    private let append: Bool

    init(path: String?, append: Bool) {
        self.path = path
        self.append = append
    }

    func write(_ rejection: RowRejection) throws {
        guard let path else { return }
        if handle == nil {
            let exists = FileManager.default.fileExists(atPath: path)
            if !append || !exists {
                guard FileManager.default.createFile(atPath: path, contents: Data("line,field,reason\n".utf8)) else {
                    throw ImportFileError("cannot write the error report \(path)")
                }
            }
            handle = FileHandle(forWritingAtPath: path)
            try handle?.seekToEnd()
        }
        let line = "\(rejection.line),\(CSVField.quoted(rejection.field)),\(CSVField.quoted(rejection.reason))\n"
        try handle?.write(contentsOf: Data(line.utf8))
    }

    func close() { try? handle?.close() }
}
