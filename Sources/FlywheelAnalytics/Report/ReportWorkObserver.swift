/// Hears each named piece of a report's work as it runs, for timing it (`flywheel report --timing`): the
/// analytics keep no clock, so the caller measures. Pieces may run on several threads at once, so an
/// observer must be safe to call from any thread; `measure` runs `work` on the calling thread and returns
/// its result unchanged.
public protocol ReportWorkObserver: Sendable {
    /// Runs `work` (the piece called `name`, e.g. "section clv" or "clv: fit BG/NBD") and returns what it gave.
    func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T
}

extension Optional where Wrapped == any ReportWorkObserver {
    /// `work` measured by the observer when there is one, else just run.
    @inline(__always)
    func measure<T, E: Error>(_ name: String, _ work: () throws(E) -> T) throws(E) -> T {
        switch self {
        case .some(let observer): try observer.measure(name, work)
        case .none: try work()
        }
    }
}
