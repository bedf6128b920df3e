// A shop's history read from a plain-CSV file (as `flywheel report --input` reads it) into the analytics
// engine; then new orders applied one at a time, as `flywheel serve` applies every order the API or a webhook
// stores. Measures, per order: `apply` (kept figures, lifecycle stage, RFM, VIP and saved segments of the
// touched customer), the live figures (the month's and the history's kept metrics, `liveFigures`), the
// customer's profile from the kept figures, and the three together; and against them
// recomputing the kept figures from scratch (`AnalyticsEngine(table:)`) and a full snapshot with the current
// month's metrics (which adds the per-query passes: churn against the learned window, gaps, feedback).
// Checks at the end that the incrementally kept figures and segment equal a fresh engine's over the same table.
//
//   AnalyticsLiveBench FILE [ORDERS]        (default 1,000 new orders)
import FlywheelAnalytics
import FlywheelCore
import FlywheelImport
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: AnalyticsLiveBench FILE [ORDERS]\n".utf8))
    exit(64)
}
let path = arguments[1]
let newOrders = arguments.count > 2 ? Int(arguments[2]) ?? 1_000 : 1_000
let clock = ContinuousClock()

func milliseconds(_ duration: Duration) -> Double {
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / 1e15
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("AnalyticsLiveBench: \(message)\n".utf8))
    exit(1)
}

// 1. The history, read in columns (as `flywheel report --input FILE --input-format csv`).
let settings = ShopSettings.defaults
var table = OrderTable(settings: settings)
let readStart = clock.now
do {
    let reader = ColumnarHistoryReader(path: path, format: .csv, shop: settings)
    var loader = OrderColumnsLoader(batchSize: 10_000)
    var reserved = false
    let outcome = try reader.read { piece, read in
        if !reserved {
            table.reserveCapacity(
                orders: read.estimatedOrders, lines: read.estimatedLineItems, customers: read.estimatedCustomers)
            reserved = true
        }
        loader.add(piece, to: &table)
    }
    guard case .read = outcome else { fail("\(path) is not a plain CSV file the columnar reader takes") }
    loader.finish(&table)
} catch {
    fail("\(path): \(error)")
}
let readTime = clock.now - readStart
let customerCount = table.customers.count
guard customerCount > 0 else { fail("\(path) has no customers") }

// 2. The kept figures from scratch: what a restart (or a system without incremental figures) pays.
let buildStart = clock.now
var engine = AnalyticsEngine(table: table)
let buildTime = clock.now - buildStart
table = OrderTable(settings: settings)  // the engine holds the only copy: `apply` must not copy the columns

// Noon (Central Europe) of the day after the newest order: every new order below falls on that one local day,
// so rules on days since a purchase judge untouched customers alike before and after (the kept membership of a
// customer is re-judged when its records change; a day turning is a fresh evaluation, as the server's members
// query does).
let newestDay = engine.table.latestPlacedAt / 86_400
var now = Date(timeIntervalSince1970: TimeInterval((newestDay + 1) * 86_400 + 11 * 3_600))
let segment = SavedSegment(
    name: "repeat_buyers_lapsing",
    rule: SegmentRule(
        .all,
        [
            SegmentCondition(.orders, .greaterOrEqual, .number(2)),
            SegmentCondition(.daysSinceLastPurchase, .greaterOrEqual, .number(60)),
        ]))
let saveStart = clock.now
let initialMembers = try engine.saveSegment(segment, asOf: now).count
let saveTime = clock.now - saveStart

print(
    "history: \(customerCount) customers, \(engine.table.orderCount) orders read in "
        + String(format: "%.1f s", milliseconds(readTime) / 1_000))
print(
    String(format: "kept figures from scratch: %.0f ms; saved segment evaluated over every customer: %.0f ms",
        milliseconds(buildTime), milliseconds(saveTime)) + " (\(initialMembers) members)")

// 3. New orders, one at a time: nine of ten by existing customers spread over the whole table, one of ten by
// a new customer; each a second after the one before.
var applyTimes: [Double] = []
var newCustomerApplyTimes: [Double] = []
var profileTimes: [Double] = []
var totalTimes: [Double] = []
var liveTimes: [Double] = []
var segmentMoves = 0
var stageMoves = 0
let stride = max(1, customerCount / max(1, newOrders))
for i in 0..<newOrders {
    now = now.addingTimeInterval(1)
    let customerID =
        i % 10 == 9 ? "LIVE-NEW-\(i)" : engine.table.customers.externalIDs[(i * stride + 7) % customerCount]
    let before = engine.profile(customerExternalID: customerID, asOf: now)?.orders ?? 0
    let ordersBefore = engine.liveFigures(asOf: now).allTimeOrders
    let order = Order(
        externalID: "LIVE-\(i)", customerExternalID: customerID, placedAt: now, channel: "email",
        currency: settings.currency,
        lineItems: [LineItem(sku: "KAF-ESP-250", quantity: 1, totalMinor: 1_499, category: "Kaffee")],
        subtotalMinor: 1_499, totalMinor: 1_499)
    let start = clock.now
    let changes = engine.apply(order, asOf: now)
    let applied = clock.now
    let live = engine.liveFigures(asOf: now)
    let read = clock.now
    let profile = engine.profile(customerExternalID: customerID, asOf: now)
    let end = clock.now
    guard live.allTimeOrders == ordersBefore + 1, live.orders > 0 else {
        fail("order \(i): the live figures do not show the new order")
    }
    guard let profile, profile.orders == before + 1 else {
        fail("order \(i): \(customerID)'s profile does not show the new order")
    }
    for change in changes.customers {
        segmentMoves += change.enteredSegments.count + change.leftSegments.count
        if change.stageBefore != change.stageAfter { stageMoves += 1 }
    }
    applyTimes.append(milliseconds(applied - start))
    if before == 0 { newCustomerApplyTimes.append(milliseconds(applied - start)) }
    liveTimes.append(milliseconds(read - applied))
    profileTimes.append(milliseconds(end - read))
    totalTimes.append(milliseconds(end - start))
}

func summary(_ times: [Double]) -> String {
    let sorted = times.sorted()
    func at(_ q: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * q))] }
    return String(format: "median %.3f ms, p99 %.3f ms, max %.3f ms", at(0.5), at(0.99), sorted.last ?? 0)
}
print("\(newOrders) new orders applied one at a time (\(stageMoves) stage moves, \(segmentMoves) segment moves):")
print("  apply (kept figures, stage, RFM, VIP, saved segment): \(summary(applyTimes))")
print("  of which a new customer's first order:              \(summary(newCustomerApplyTimes))")
let slow = applyTimes.indices.filter { applyTimes[$0] > 1 }
print("  applies over 1 ms: \(slow.count) (order numbers \(slow.prefix(12).map(String.init).joined(separator: ", ")))")
print("  the live figures after it (month and all time):        \(summary(liveTimes))")
print("  the customer's profile after it:                       \(summary(profileTimes))")
print("  all three (the order reflected in metrics and segments): \(summary(totalTimes))")
let medianTotal = totalTimes.sorted()[totalTimes.count / 2]
print(
    String(format: "  recomputing from scratch instead: %.0f ms = %.0f× the median", milliseconds(buildTime),
        milliseconds(buildTime) / max(medianTotal, 0.000_1)))

// 4. A full snapshot and the current month's metrics after an order (adds churn against the learned window,
// the gaps, feedback: one pass over every customer's purchases each).
var snapshotTimes: [Double] = []
for round in 0..<3 {
    now = now.addingTimeInterval(1)
    let order = Order(
        externalID: "LIVE-SNAPSHOT-\(round)", customerExternalID: engine.table.customers.externalIDs[round],
        placedAt: now, currency: settings.currency, subtotalMinor: 2_000, totalMinor: 2_000)
    engine.apply(order, asOf: now)
    let start = clock.now
    let snapshot = engine.snapshot(asOf: now)
    guard let month = snapshot.periods(.month).last else { fail("no month") }
    let metrics = try snapshot.metrics(for: month)
    snapshotTimes.append(milliseconds(clock.now - start))
    if round == 0 { print("  current month \(month): \(metrics.customers) customers, \(metrics.orders) orders") }
}
print("snapshot + the current month's metrics after an order (churn, gaps, feedback passes): \(summary(snapshotTimes))")

// 5. The check: what `apply` kept equals a fresh engine over the same table.
let fresh = AnalyticsEngine(table: engine.table)
var freshWithSegment = fresh
let freshMembers = try Set(freshWithSegment.saveSegment(segment, asOf: now))
guard Set(engine.members(ofSaved: segment.name) ?? []) == freshMembers else {
    fail("the incrementally kept segment differs from a fresh evaluation")
}
let keptSegments = engine.snapshot(asOf: now).segments()
let freshSegments = freshWithSegment.snapshot(asOf: now).segments()
guard keptSegments == freshSegments else { fail("the incrementally kept segment report differs from a fresh engine's") }
print("check: kept figures and saved segment equal a fresh engine's (\(freshMembers.count) members)")
