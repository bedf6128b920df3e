import Foundation
import Testing
import FlywheelCore

@Suite("Checkouts: validation and content hash")
struct CheckoutTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let created = Date(timeIntervalSince1970: 1_794_990_000)

    func checkout(_ change: (inout Checkout) -> Void = { _ in }) -> Checkout {
        var checkout = Checkout(
            externalID: "tok-1", customerExternalID: "c1", email: "c1@example.com", createdAt: created,
            updatedAt: created.addingTimeInterval(60), currency: .eur, totalMinor: 2_500,
            lines: [CheckoutLine(sku: "TEA", title: "Tee", quantity: 2, unitPriceMinor: 1_250)],
            recoveryURL: "https://shop.example/cart/tok-1")
        change(&checkout)
        return checkout
    }

    func issues(_ checkout: Checkout) -> [String] {
        do {
            try checkout.validate(now: now)
            return []
        } catch {
            #expect(error.record == "checkout \(checkout.externalID)")
            return error.issues.map(\.field)
        }
    }

    @Test("a consistent checkout passes; a guest with only an e-mail too")
    func valid() {
        #expect(issues(checkout()).isEmpty)
        #expect(issues(checkout { $0.customerExternalID = nil }).isEmpty)
        #expect(checkout().total == Money(minorUnits: 2_500, currency: .eur))
        #expect(checkout().lines[0].totalMinor == 2_500)
    }

    @Test("each broken rule names its field")
    func broken() {
        #expect(issues(checkout { $0.externalID = "" }) == ["checkout_id"])
        #expect(issues(checkout { $0.customerExternalID = nil; $0.email = nil }) == ["customer_id"])
        #expect(issues(checkout { $0.email = "no address" }) == ["email"])
        #expect(issues(checkout { $0.updatedAt = created.addingTimeInterval(-1) }) == ["updated_at"])
        #expect(issues(checkout { $0.updatedAt = now.addingTimeInterval(2 * 86_400) }) == ["updated_at"])
        #expect(issues(checkout { $0.totalMinor = -1 }) == ["total"])
        #expect(issues(checkout { $0.lines[0].quantity = 0 }) == ["line_items[0].quantity"])
        #expect(issues(checkout { $0.lines[0].unitPriceMinor = -5 }) == ["line_items[0].unit_price"])
        #expect(issues(checkout { $0.recoveryURL = "javascript:alert(1)" }) == ["recovery_url"])
        #expect(issues(checkout { $0.recoveryURL = "/cart/relative" }) == ["recovery_url"])
        #expect(issues(checkout { $0.completedAt = created.addingTimeInterval(-60) }) == ["completed_at"])
        #expect(issues(checkout { $0.orderExternalID = "" }) == ["order_id"])
    }

    @Test("the content hash changes with every field and is stable for the same content")
    func hash() {
        let base = checkout()
        #expect(base.contentHash == checkout().contentHash)
        let changes: [(inout Checkout) -> Void] = [
            { $0.updatedAt = $0.updatedAt.addingTimeInterval(1) }, { $0.totalMinor += 1 },
            { $0.lines[0].quantity = 3 }, { $0.lines.append(CheckoutLine(quantity: 1, unitPriceMinor: 0)) },
            { $0.recoveryURL = nil }, { $0.completedAt = now }, { $0.orderExternalID = "1001" }, { $0.email = nil },
            { $0.customerExternalID = nil },
        ]
        for change in changes { #expect(checkout(change).contentHash != base.contentHash) }
    }
}
