import Dispatch
import Foundation

/// Work split over threads of its own, for pieces inside a report section: `ConcurrentWork` runs the
/// sections with `concurrentPerform`, and a `concurrentPerform` nested in one of them runs serially. Part 0
/// runs on the calling thread, every other part on a new thread; the call returns when all are done, so
/// what comes out never depends on timing. For pieces of some milliseconds or more (a thread costs tens of
/// microseconds).
enum ThreadedWork {
    /// How many parts to split `count` items of work into: one per core, but one below `minimum` items.
    static func parts(for count: Int, minimum: Int) -> Int {
        count < minimum ? 1 : max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimum / 2)))
    }

    /// Runs `body(part)` for every part in `0..<parts` and returns when all have run.
    static func run(parts: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard parts > 1 else {
            body(0)
            return
        }
        let done = DispatchSemaphore(value: 0)
        for part in 1..<parts {
            let thread = Thread {
                body(part)
                done.signal()
            }
            thread.start()
        }
        body(0)
        for _ in 1..<parts { done.wait() }
    }

    /// `first()` on the calling thread and `second()` on a thread of its own, side by side.
    static func pair<A: Sendable, B: Sendable>(
        _ first: () -> A, _ second: @escaping @Sendable () -> B
    ) -> (A, B) {
        let slot = Slot<B>()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            slot.value = second()
            done.signal()
        }
        thread.start()
        let a = first()
        done.wait()
        return (a, slot.value!)
    }

    /// A value written by one thread before the semaphore that the reader waits on is signalled.
    private final class Slot<T>: @unchecked Sendable {
        var value: T?
    }
}

/// A buffer that threads fill in disjoint ranges (`ThreadedWork.run`), read once they are all done.
final class SharedBuffer<Element>: @unchecked Sendable {
    /// The elements; each index is written by one thread only.
    let elements: UnsafeMutableBufferPointer<Element>

    /// A buffer of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        elements = .allocate(capacity: count)
        elements.initialize(repeating: value)
    }

    deinit {
        elements.deinitialize()
        elements.deallocate()
    }
}
