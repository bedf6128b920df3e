@testable import FlywheelAnalytics
import Testing

@Suite("CustomerDirectory: customer ids numbered in order of first appearance")
struct CustomerDirectoryTests {
    @Test("interning numbers new ids in order and finds held ones again, through growth, reserved or not")
    func interning() {
        // Ids seen again right away, much later, and never; short (inline) and long strings.
        let ids = (0..<60_000).map { n in
            n % 7 == 3 ? "C\(n / 3)" : n % 11 == 5 ? "a-rather-long-customer-id-\(n / 5)@example.com" : "C\(n)"
        }
        for reserved in [0, 10, 100_000] {
            var directory = CustomerDirectory()
            if reserved > 0 { directory.reserveCapacity(reserved) }
            var expected: [String: Int32] = [:]
            var order: [String] = []
            var wrong = 0
            for id in ids {
                let index = directory.intern(id)
                if let known = expected[id] {
                    if index != known { wrong += 1 }
                } else {
                    if index != Int32(order.count) { wrong += 1 }
                    expected[id] = index
                    order.append(id)
                }
            }
            #expect(wrong == 0)
            #expect(directory.externalIDs == order)
            #expect(directory.count == order.count)
            #expect(order.allSatisfy { directory.index(of: $0) == expected[$0] })
            #expect(directory.index(of: "C60000") == nil && directory.index(of: "") == nil)
            #expect(directory.headRow.count == order.count && directory.reviewCount.count == order.count)
        }
    }
}
