import FlywheelCore

/// A small shop in Europe/Berlin whose every figure is computed by hand in the tests (amounts in cents):
///
/// - A: 100.00 and 50.00 on 2025-01-10 (same day: one occasion; Kaffee K1, Tee T1; google_ads), 80.00 on
///   2025-02-15 (Tee T1 + Mühlen M1) refunded 30.00 → net 50.00.
/// - B: 40.00 at 2025-01-31 23:30 UTC = 1 February in Berlin (meta_ads, discount code); 60.00 on 2025-03-05
///   refunded in full (not a purchase).
/// - C: 200.00 on 2025-02-20, cancelled: never a purchase (a prospect).
/// - D: 30.00 on 2025-02-01, no channel: a one-order customer.
/// - An order in USD and a guest order: excluded and counted.
/// - Spend: google_ads 300.00 in January, meta_ads 100.00 and newsletter 50.00 in February.
/// - Feedback in February: NPS A 9 then 6 (latest counts), B 10, D 7; CSAT A 5, B 4, D 2 and 3;
///   buy-again A 10, B 8; try-other A 3. Reviews: A 5★ in February, B 3★ in March.
enum HandShop {
    static var batch: IngestBatch {
        IngestBatch(
            orders: [
                TestShop.order("o1", "A", "2025-01-10T12:00:00Z", 10_000, channel: "google_ads", lines: [("K1", "Kaffee")]),
                TestShop.order("o2", "A", "2025-01-10T18:00:00Z", 5_000, channel: "newsletter", lines: [("T1", "Tee")]),
                TestShop.order("o3", "A", "2025-02-15T10:00:00Z", 8_000, lines: [("T1", "Tee"), ("M1", "Mühlen")]),
                TestShop.order("o4", "B", "2025-01-31T23:30:00Z", 4_000, channel: "meta_ads", lines: [("T1", "Tee")], discount: "WILLKOMMEN10"),
                TestShop.order("o5", "B", "2025-03-05T09:00:00Z", 6_000, channel: "meta_ads", lines: [("K1", "Kaffee")]),
                TestShop.order("o6", "C", "2025-02-20T09:00:00Z", 20_000, lines: [("K1", "Kaffee")], cancelled: true),
                TestShop.order("o7", "D", "2025-02-01T10:00:00Z", 3_000, lines: [("K1", "Kaffee")]),
                TestShop.order("o8", "A", "2025-02-16T10:00:00Z", 9_999, currency: .usd),
                TestShop.order("o9", nil, "2025-02-16T11:00:00Z", 1_234),
            ],
            refunds: [
                TestShop.refund("r1", order: "o3", "2025-02-20T10:00:00Z", 3_000),
                TestShop.refund("r2", order: "o5", "2025-03-10T10:00:00Z", 6_000),
            ],
            marketingSpend: [
                TestShop.spend("google_ads", "2025-01", 30_000),
                TestShop.spend("meta_ads", "2025-02", 10_000),
                TestShop.spend("newsletter", "2025-02", 5_000),
            ],
            surveyAnswers: [
                TestShop.answer("s1", "A", .nps, 9, "2025-02-16T10:00:00Z"),
                TestShop.answer("s2", "A", .nps, 6, "2025-02-20T10:00:00Z"),
                TestShop.answer("s3", "B", .nps, 10, "2025-02-05T10:00:00Z"),
                TestShop.answer("s4", "D", .nps, 7, "2025-02-05T10:00:00Z"),
                TestShop.answer("s5", "A", .csat, 5, "2025-02-16T10:00:00Z"),
                TestShop.answer("s6", "B", .csat, 4, "2025-02-05T10:00:00Z"),
                TestShop.answer("s7", "D", .csat, 2, "2025-02-05T10:00:00Z"),
                TestShop.answer("s8", "D", .csat, 3, "2025-02-06T10:00:00Z"),
                TestShop.answer("s9", "A", .wouldBuyAgain, 10, "2025-02-16T10:00:00Z"),
                TestShop.answer("s10", "B", .wouldBuyAgain, 8, "2025-02-05T10:00:00Z"),
                TestShop.answer("s11", "A", .wouldTryOtherProducts, 3, "2025-02-16T10:00:00Z"),
            ],
            reviews: [
                TestShop.review("v1", "A", sku: "T1", rating: 5, "2025-02-18T10:00:00Z"),
                TestShop.review("v2", "B", sku: "T1", rating: 3, "2025-03-02T10:00:00Z"),
            ])
    }
}
