import Dispatch

/// Independent pieces of pure work run on every core (`concurrentPerform`), their results given in the order
/// of the work — so what comes out never depends on timing. Work is handed out in order: put the longest
/// piece first.
enum ConcurrentWork {
    /// The result of each piece of `work`; run one after the other when `concurrently` is false.
    static func run<T: Sendable>(_ work: [@Sendable () -> T], concurrently: Bool = true) -> [T] {
        guard concurrently, work.count > 1 else { return work.map { $0() } }
        let slots = Slots<T>(count: work.count)
        DispatchQueue.concurrentPerform(iterations: work.count) { index in slots.store(work[index](), at: index) }
        return slots.take()
    }

    /// One slot per piece of work, each written once by the thread that ran it.
    private final class Slots<T>: @unchecked Sendable {
        private let values: UnsafeMutablePointer<T?>
        private let count: Int

        init(count: Int) {
            self.count = count
            values = .allocate(capacity: count)
            values.initialize(repeating: nil, count: count)
        }

        deinit {
            values.deinitialize(count: count)
            values.deallocate()
        }

        func store(_ value: T, at index: Int) { values[index] = value }

        /// The values, once every piece has run (`concurrentPerform` has returned).
        func take() -> [T] { (0..<count).map { values[$0]! } }
    }
}
