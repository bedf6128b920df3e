@testable import FlywheelAnalytics
import Testing

@Suite("PurchaseHistoryGroups: distinct histories found by hashing equal sorting every customer")
struct PurchaseHistoryGroupsTests {
    /// `n` histories with many repeats (whole weeks), −0 among the zeros, in a scrambled order.
    static func histories(_ n: Int, seed: UInt64) -> (x: [Int], tx: [Double], T: [Double]) {
        var state = seed
        func next(_ bound: UInt64) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % bound)
        }
        var x: [Int] = []
        var tx: [Double] = []
        var T: [Double] = []
        for _ in 0..<n {
            let frequency = next(6)
            let age = Double(next(40)) / 7
            let recency = frequency == 0 ? (next(2) == 0 ? 0.0 : -0.0) : min(age, Double(next(40)) / 7)
            x.append(frequency)
            tx.append(recency)
            T.append(next(3) == 0 ? age : Double(next(20)))
        }
        return (x, tx, T)
    }

    @Test("groups, order, weights, runs and each customer's group are the same", arguments: [1, 2, 17, 5_000, 60_000])
    func sameAsSorting(n: Int) {
        let (x, tx, T) = Self.histories(n, seed: UInt64(n))
        let hashed = PurchaseHistoryGroups(frequency: x, recency: tx, age: T)
        let sorted = PurchaseHistoryGroups(sortingEvery: x, recency: tx, age: T)
        #expect(hashed.frequency == sorted.frequency)
        #expect(hashed.recency.map(\.bitPattern) == sorted.recency.map(\.bitPattern))
        #expect(hashed.age.map(\.bitPattern) == sorted.age.map(\.bitPattern))
        #expect(hashed.weight == sorted.weight)
        #expect(hashed.runs.map(\.frequency) == sorted.runs.map(\.frequency))
        #expect(hashed.runs.map(\.range) == sorted.runs.map(\.range))
        #expect(hashed.runs.map(\.weight) == sorted.runs.map(\.weight))
        #expect(hashed.groupOfCustomer == sorted.groupOfCustomer)
        #expect(hashed.count < n || n < 20)
    }

    @Test("values below zero (not validated) still sort as numbers: frequency, recency, age")
    func negatives() {
        let x = [2, -1, 0, 2, -3, 0, 2, 2]
        let tx = [1.5, -2.0, 0.0, -0.5, 4.0, -0.0, 1.5, 1e300]
        let T = [3.0, 1.0, -1e-300, 2.0, -7.0, 0.0, -3.0, 3.0]
        let hashed = PurchaseHistoryGroups(frequency: x, recency: tx, age: T)
        let sorted = PurchaseHistoryGroups(sortingEvery: x, recency: tx, age: T)
        #expect(hashed.frequency == [-3, -1, 0, 0, 2, 2, 2, 2])
        #expect(hashed.frequency == sorted.frequency)
        #expect(hashed.recency == sorted.recency)
        #expect(hashed.age == sorted.age)
        #expect(hashed.groupOfCustomer == sorted.groupOfCustomer)
    }

    @Test("no customers, no groups")
    func empty() {
        let groups = PurchaseHistoryGroups(frequency: [], recency: [], age: [])
        #expect(groups.count == 0 && groups.runs.isEmpty && groups.groupOfCustomer.isEmpty)
    }
}
