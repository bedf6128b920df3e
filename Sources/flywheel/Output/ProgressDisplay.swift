import Foundation
import Synchronization

/// A one-line progress display on standard error, redrawn at most ten times a second, shown only when
/// standard error is a terminal (never in logs or pipes).
final class ProgressDisplay: Sendable {
    private let enabled: Bool
    private let started = Date()
    private let lastDraw = Mutex<Date>(.distantPast)

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) { self.enabled = enabled }

    /// Redraws: a bar for `fraction`, then free text such as "1,204,000 rows".
    func update(fraction: Double, _ text: String) {
        guard enabled else { return }
        let now = Date()
        let due = lastDraw.withLock { last -> Bool in
            guard now.timeIntervalSince(last) >= 0.1 || fraction >= 1 else { return false }
            last = now
            return true
        }
        guard due else { return }
        let width = 30
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = String(format: "%3d%%", Int(fraction * 100))
        let line = "\r\(bar) \(percent)  \(text)  \(Format.duration(now.timeIntervalSince(started)))\u{1B}[K"
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the line before the summary is printed.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
