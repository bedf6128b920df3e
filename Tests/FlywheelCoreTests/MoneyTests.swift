import Testing
import FlywheelCore

@Suite("Money and decimal amounts")
struct MoneyTests {
    @Test(
        "decimal text becomes exact minor units",
        arguments: [
            ("19.99", 2, Int64(1_999)), ("12", 2, 1_200), ("12.5", 2, 1_250), ("0.01", 2, 1), ("-3.10", 2, -310),
            ("+7.00", 2, 700), (" 4.20 ", 2, 420), ("12.500", 2, 1_250), ("1500", 0, 1_500), ("1.234", 3, 1_234),
        ])
    func parses(text: String, digits: Int, expected: Int64) throws {
        #expect(try DecimalAmount.parse(text[...], digits: digits).get() == expected)
    }

    @Test(
        "malformed amounts fail with a reason",
        arguments: [
            ("", DecimalAmount.ParseFailure.empty), ("abc", .notANumber), ("1.2.3", .notANumber),
            ("12,50", .notANumber), ("1.999", .tooManyDecimals(allowed: 2)), ("-", .notANumber),
            ("99999999999999999999", .tooLarge),
        ])
    func rejects(text: String, failure: DecimalAmount.ParseFailure) {
        #expect(throws: failure) { try DecimalAmount.parse(text[...], digits: 2).get() }
    }

    @Test("formatting is the inverse of parsing")
    func formats() {
        #expect(DecimalAmount.format(1_999, digits: 2) == "19.99")
        #expect(DecimalAmount.format(-5, digits: 2) == "-0.05")
        #expect(DecimalAmount.format(1_500, digits: 0) == "1500")
        #expect(Money(minorUnits: 2_461, currency: .eur).description == "24.61 EUR")
    }

    @Test("currency codes come from ISO 4217 with their minor-unit digits")
    func currencies() {
        #expect(CurrencyCode("EUR")?.minorUnitDigits == 2)
        #expect(CurrencyCode("JPY")?.minorUnitDigits == 0)
        #expect(CurrencyCode("KWD")?.minorUnitDigits == 3)
        #expect(CurrencyCode("EURO") == nil)
        #expect(CurrencyCode("eur") == nil)
    }
}
