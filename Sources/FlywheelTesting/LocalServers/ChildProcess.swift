public import Foundation

/// Runs child processes for the tests. Every blocking wait (reading a pipe, waiting for exit) happens on a
/// dedicated `Thread`, never on the cooperative pool, so parallel tests cannot starve it.
public enum ChildProcess {
    /// What a finished program left.
    public struct Output: Sendable {
        public var status: Int32
        public var stdout: Data
        public var stderr: Data
    }

    /// Runs a program to its end and returns its exit status and output.
    public static func run(_ executable: String, _ arguments: [String], input: Data = Data()) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let process = Process()
                    process.executableURL = URL(fileURLWithPath: executable)
                    process.arguments = arguments
                    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
                    process.standardInput = stdin
                    process.standardOutput = stdout
                    process.standardError = stderr
                    try process.run()
                    stdin.fileHandleForWriting.write(input)
                    try stdin.fileHandleForWriting.close()
                    // Read stderr on its own thread so that neither pipe can fill up and block the child.
                    let errors = ThreadBox<Data>()
                    let errorsDone = DispatchSemaphore(value: 0)
                    Thread.detachNewThread {
                        errors.value = stderr.fileHandleForReading.readDataToEndOfFile()
                        errorsDone.signal()
                    }
                    let output = stdout.fileHandleForReading.readDataToEndOfFile()
                    errorsDone.wait()
                    process.waitUntilExit()
                    continuation.resume(returning: Output(status: process.terminationStatus, stdout: output,
                        stderr: errors.value ?? Data()))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    /// Whether a program exits with 0 (e.g. `python3 -c "import aiosmtpd"`).
    public static func succeeds(_ executable: String, _ arguments: [String]) -> Bool {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// A value handed from one thread to another after a semaphore (the semaphore orders the accesses).
final class ThreadBox<Value>: @unchecked Sendable {
    var value: Value?
}
