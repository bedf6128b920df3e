import FlywheelCore
import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("EarningRules: points per currency unit of an order, multipliers, boosts, tier")
struct EarningRulesOrderTests {
    typealias S = EarningTestSupport

    static let onePerEuro = EarningRules(currency: "EUR", pointsPerUnit: 1)
    static let context = EarningContext(calendar: S.berlin)

    @Test("€9.99 earns 9 points (rounded down); two points per euro on €9.99 earn 19")
    func rounding() throws {
        let order = S.order(lines: [LineItem(quantity: 1, totalMinor: 999)])
        #expect(try Self.onePerEuro.points(for: order, context: Self.context).total == 9)
        var two = Self.onePerEuro
        two.pointsPerUnit = 2
        #expect(try two.points(for: order, context: Self.context).total == 19)
    }

    @Test("€60 + €40 with €10 off and €4.90 shipping: 90 points without shipping, 94 with")
    func discountsAndShipping() throws {
        let order = S.order(
            lines: [LineItem(quantity: 1, totalMinor: 6000), LineItem(quantity: 2, unitPriceMinor: 2000)],
            discountMinor: 1000, shippingMinor: 490)
        let without = try Self.onePerEuro.points(for: order, context: Self.context)
        #expect(without.eligibleMinor == 9000)
        #expect(without.base == 90)
        #expect(without.total == 90)
        var rules = Self.onePerEuro
        rules.includeShipping = true
        let with = try rules.points(for: order, context: Self.context)
        #expect(with.eligibleMinor == 9490)
        #expect(with.total == 94)
    }

    @Test("tax added on top (€100 + €19): 119 points with tax, 100 without")
    func taxAdded() throws {
        let order = S.order(lines: [LineItem(quantity: 1, totalMinor: 10_000)], taxMinor: 1900)
        #expect(try Self.onePerEuro.points(for: order, context: Self.context).total == 100)
        var rules = Self.onePerEuro
        rules.includeTax = true
        #expect(try rules.points(for: order, context: Self.context).total == 119)
    }

    @Test("taxes included (€119 line, €5.95 shipping, €19.95 tax): tax is taken out pro rata")
    func taxIncluded() throws {
        let order = S.order(
            lines: [LineItem(quantity: 1, totalMinor: 11_900)], shippingMinor: 595, taxMinor: 1995, taxesIncluded: true)
        // Tax over [11900, 595] of 12495: 1900 to the line, 95 to shipping.
        #expect(try Self.onePerEuro.points(for: order, context: Self.context).eligibleMinor == 10_000)
        var rules = Self.onePerEuro
        rules.includeShipping = true
        #expect(try rules.points(for: order, context: Self.context).eligibleMinor == 10_500)
        rules.includeTax = true
        #expect(try rules.points(for: order, context: Self.context).total == 124)
        rules.includeShipping = false
        #expect(try rules.points(for: order, context: Self.context).total == 119)
    }

    @Test("2× books with €10 off spread over €30 books and €70 toys: base 90 + 27 extra = 117")
    func categoryMultiplierWithDiscount() throws {
        var rules = Self.onePerEuro
        rules.categoryMultipliers = ["books": .double]
        let order = S.order(
            lines: [
                LineItem(sku: "B-1", quantity: 1, totalMinor: 3000, category: "books"),
                LineItem(sku: "T-1", quantity: 1, totalMinor: 7000, category: "toys"),
            ],
            discountMinor: 1000)
        let earned = try rules.points(for: order, context: Self.context)
        #expect(earned.base == 90)
        #expect(
            earned.lineExtras == [.init(lineIndex: 0, rule: "category:books", multiplier: .double, points: 27)])
        #expect(earned.total == 117)
    }

    @Test("a SKU multiplier wins over the category multiplier of the same line")
    func skuBeatsCategory() throws {
        var rules = Self.onePerEuro
        rules.categoryMultipliers = ["books": .double]
        rules.skuMultipliers = ["B-1": Multiplier(percent: 300)]
        let order = S.order(lines: [LineItem(sku: "B-1", quantity: 1, totalMinor: 2550, category: "books")])
        let earned = try rules.points(for: order, context: Self.context)
        #expect(earned.base == 25)
        #expect(earned.lineExtras.map(\.rule) == ["sku:B-1"])
        #expect(earned.lineExtras.map(\.points) == [51])
        #expect(earned.total == 76)
    }

    @Test("weekend boost: Friday 27 Nov 2026 23:30 UTC is Saturday in Berlin, not in a UTC shop")
    func weekendBoost() throws {
        var rules = Self.onePerEuro
        rules.boosts = [EarningBoost(name: "Double weekend", window: .weekend, multiplier: .double)]
        let friday = S.order(
            lines: [LineItem(quantity: 1, totalMinor: 5000)], placedAt: S.utcInstant(2026, 11, 27, 23, 30))
        let berlin = try rules.points(for: friday, context: Self.context)
        #expect(berlin.boostExtras == [.init(name: "Double weekend", multiplier: .double, points: 50)])
        #expect(berlin.total == 100)
        #expect(try rules.points(for: friday, context: EarningContext(calendar: S.utc)).total == 50)
        let sundayNight = S.order(
            lines: [LineItem(quantity: 1, totalMinor: 5000)], placedAt: S.utcInstant(2026, 11, 29, 23, 30))
        #expect(try rules.points(for: sundayNight, context: Self.context).total == 50)
    }

    @Test("birthday month: November birthday boosts 30 Nov noon, not 30 Nov 23:30 UTC (1 Dec in Berlin)")
    func birthdayMonth() throws {
        var rules = Self.onePerEuro
        rules.boosts = [EarningBoost(name: "Birthday", window: .birthdayMonth, multiplier: Multiplier(percent: 300))]
        let context = EarningContext(calendar: S.berlin, birthday: CivilDate(year: 1990, month: 11, day: 5))
        let noon = S.order(lines: [LineItem(quantity: 1, totalMinor: 2000)], placedAt: S.utcInstant(2026, 11, 30, 12))
        #expect(try rules.points(for: noon, context: context).total == 60)
        let late = S.order(
            lines: [LineItem(quantity: 1, totalMinor: 2000)], placedAt: S.utcInstant(2026, 11, 30, 23, 30))
        #expect(try rules.points(for: late, context: context).total == 20)
        #expect(try rules.points(for: noon, context: Self.context).total == 20)
    }

    @Test("a date-window boost applies from its start up to, not including, its end")
    func dateWindow() throws {
        var rules = Self.onePerEuro
        let start = S.utcInstant(2026, 11, 27, 0)
        let end = S.utcInstant(2026, 11, 30, 0)
        rules.boosts = [EarningBoost(name: "Black Friday", window: .dates(start: start, end: end), multiplier: .double)]
        let line = [LineItem(quantity: 1, totalMinor: 1000)]
        #expect(try rules.points(for: S.order(lines: line, placedAt: start), context: Self.context).total == 20)
        #expect(try rules.points(for: S.order(lines: line, placedAt: end), context: Self.context).total == 10)
        #expect(
            try rules.points(for: S.order(lines: line, placedAt: start.addingTimeInterval(-1)), context: Self.context)
                .total == 10)
    }

    @Test("boosts and tier stack additively on base + line extras: 100 + 100 (2× weekend) + 50 (1.5× tier)")
    func stacking() throws {
        var rules = Self.onePerEuro
        rules.categoryMultipliers = ["books": .double]
        rules.boosts = [EarningBoost(name: "Weekend", window: .weekend, multiplier: .double)]
        let order = S.order(
            lines: [LineItem(quantity: 1, totalMinor: 5000, category: "books")], placedAt: S.utcInstant(2026, 11, 28))
        let earned = try rules.points(
            for: order, context: EarningContext(calendar: S.berlin, tierMultiplier: Multiplier(percent: 150)))
        #expect(earned.base == 50)
        #expect(earned.lineExtras.map(\.points) == [50])
        #expect(earned.boostExtras.map(\.points) == [100])
        #expect(earned.tierExtra == 50)
        #expect(earned.total == 250)
    }

    @Test("tier multiplier alone: 1.5× on 117 adds 58")
    func tierOnly() throws {
        var rules = Self.onePerEuro
        rules.categoryMultipliers = ["books": .double]
        let order = S.order(
            lines: [
                LineItem(quantity: 1, totalMinor: 3000, category: "books"), LineItem(quantity: 1, totalMinor: 7000),
            ],
            discountMinor: 1000)
        let earned = try rules.points(
            for: order, context: EarningContext(calendar: S.berlin, tierMultiplier: Multiplier(percent: 150)))
        #expect(earned.tierExtra == 58)
        #expect(earned.total == 175)
    }

    @Test("zero-value orders and discounts larger than the lines earn 0 without error")
    func zeroValue() throws {
        let free = S.order(lines: [LineItem(quantity: 1, totalMinor: 0)])
        #expect(try Self.onePerEuro.points(for: free, context: Self.context).total == 0)
        let overDiscounted = S.order(
            lines: [LineItem(quantity: 1, totalMinor: 500)], discountMinor: 800, subtotalMinor: 0)
        let earned = try Self.onePerEuro.points(for: overDiscounted, context: Self.context)
        #expect(earned.eligibleMinor == 0)
        #expect(earned.total == 0)
    }

    @Test("an order without lines earns on its subtotal")
    func noLines() throws {
        let order = S.order(subtotalMinor: 4321, shippingMinor: 500)
        #expect(try Self.onePerEuro.points(for: order, context: Self.context).total == 43)
    }

    @Test("an order in another currency is refused with an error naming both currencies")
    func otherCurrency() {
        let order = S.order(lines: [LineItem(quantity: 1, totalMinor: 5000)], currency: .usd)
        #expect(throws: EarningError.currencyMismatch(expected: "EUR", got: "USD")) {
            try Self.onePerEuro.points(for: order, context: Self.context)
        }
        #expect(EarningError.currencyMismatch(expected: "EUR", got: "USD").description.contains("USD"))
    }

    @Test("minor-unit digits come from the currency: ¥1,234 earns 1,234, KWD 12.345 earns 12")
    func exponents() throws {
        let yen = EarningRules(currency: "JPY", pointsPerUnit: 1)
        let jpy = S.order(lines: [LineItem(quantity: 1, totalMinor: 1234)], currency: CurrencyCode("JPY")!)
        #expect(try yen.points(for: jpy, context: Self.context).total == 1234)
        let dinar = EarningRules(currency: "KWD", pointsPerUnit: 1)
        let kwd = S.order(lines: [LineItem(quantity: 1, totalMinor: 12_345)], currency: CurrencyCode("KWD")!)
        #expect(try dinar.points(for: kwd, context: Self.context).total == 12)
    }
}
