@testable import FlywheelAnalytics
import FlywheelCore
import Foundation
import Testing

@Suite("LocalDayConverter: UTC seconds to shop-local days")
struct LocalDayConverterTests {
    @Test(
        "agrees with ShopCalendar every 17 minutes over two years, DST changes included",
        arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"])
    func agreesWithShopCalendar(zone: String) throws {
        let timeZone = try #require(TimeZone(identifier: zone))
        let calendar = ShopCalendar(timeZone: timeZone)
        var converter = LocalDayConverter(timeZone: timeZone)
        let start = Int64(TestShop.instant("2024-01-01T00:00:00Z").timeIntervalSince1970)
        var mismatches = 0
        for step in stride(from: Int64(0), to: 2 * 366 * 86_400, by: 17 * 60) {
            let seconds = start + step
            let expected = calendar.localDate(of: Date(timeIntervalSince1970: TimeInterval(seconds))).daysSinceEpoch
            if Int(converter.localDay(utcSeconds: seconds)) != expected { mismatches += 1 }
        }
        #expect(mismatches == 0)
    }

    @Test("the last second before a local midnight and the midnight itself are different days")
    func midnight() {
        var converter = LocalDayConverter(timeZone: TestShop.berlin)
        let midnight = Int64(TestShop.instant("2025-03-30T22:00:00Z").timeIntervalSince1970)  // 00:00 CEST on 31 March
        #expect(converter.localDay(utcSeconds: midnight) == converter.localDay(utcSeconds: midnight - 1) + 1)
    }
}
