import Testing

@testable import FlywheelFlows

@Suite("StableAssignment: deterministic holdout and A/B groups")
struct StableAssignmentTests {
    @Test("the same flow and customer always land in the same group")
    func stable() {
        for n in 0..<50 {
            let a = StableAssignment.isHoldout(flowID: "win_back", customerID: "c\(n)", basisPoints: 1_000)
            let b = StableAssignment.isHoldout(flowID: "win_back", customerID: "c\(n)", basisPoints: 1_000)
            #expect(a == b)
        }
        #expect(
            StableAssignment.hash(flowID: "f", customerID: "c1", salt: "holdout")
                == StableAssignment.hash(flowID: "f", customerID: "c1", salt: "holdout"))
        #expect(
            StableAssignment.hash(flowID: "f", customerID: "c1", salt: "holdout")
                != StableAssignment.hash(flowID: "g", customerID: "c1", salt: "holdout"))
    }

    @Test("a 10 % holdout holds out about 10 % of 20,000 customers; 0 % none")
    func share() {
        let customers = (0..<20_000).map { "customer-\($0)" }
        let held = customers.filter {
            StableAssignment.isHoldout(flowID: "review_request", customerID: $0, basisPoints: 1_000)
        }.count
        #expect((1_850...2_150).contains(held), "\(held)")
        #expect(
            !customers.contains { StableAssignment.isHoldout(flowID: "review_request", customerID: $0, basisPoints: 0) }
        )
    }

    @Test("weights 1:3 split about 25/75, independent of the holdout draw")
    func weights() {
        var counts = [0, 0]
        var heldInA = 0
        for n in 0..<20_000 {
            let id = "k\(n)"
            let v = StableAssignment.variant(flowID: "f", customerID: id, stepID: "ab", cumulativeWeights: [1, 4])
            counts[v] += 1
            if v == 0 && StableAssignment.isHoldout(flowID: "f", customerID: id, basisPoints: 5_000) { heldInA += 1 }
        }
        #expect((4_700...5_300).contains(counts[0]), "\(counts)")
        #expect((2_300...2_700).contains(heldInA), "holdout and variant are not correlated: \(heldInA)")
    }
}
