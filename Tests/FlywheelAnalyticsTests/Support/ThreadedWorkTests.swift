import Foundation
import Testing

@testable import FlywheelAnalytics

@Suite("ThreadedWork")
struct ThreadedWorkTests {
    @Test("every part runs once, also inside concurrentPerform-run work", arguments: [1, 2, 5])
    func everyPartOnce(parts: Int) {
        let results = ConcurrentWork.run(
            (0..<3).map { _ in
                { @Sendable () -> [Int] in
                    let buffer = SharedBuffer(repeating: 0, count: parts)
                    ThreadedWork.run(parts: parts) { part in buffer.elements[part] += part + 1 }
                    return Array(buffer.elements)
                }
            })
        for result in results { #expect(result == (1...parts).map { $0 }) }
    }

    @Test("pair gives both results, the second from another thread")
    func pair() {
        let caller = pthread_self()
        let (a, b) = ThreadedWork.pair({ ("first", pthread_equal(pthread_self(), caller) != 0) }, {
            ("second", pthread_equal(pthread_self(), caller) != 0)
        })
        #expect(a == ("first", true) && b == ("second", false))
    }

    @Test("parts: one below the minimum, at most one per core above it")
    func partsForCount() {
        #expect(ThreadedWork.parts(for: 19_999, minimum: 20_000) == 1)
        let many = ThreadedWork.parts(for: 1_000_000, minimum: 20_000)
        #expect(many >= 1 && many <= max(1, ProcessInfo.processInfo.activeProcessorCount))
    }
}
