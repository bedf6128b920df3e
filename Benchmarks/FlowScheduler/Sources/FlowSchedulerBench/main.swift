import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelStore
import Foundation
import Synchronization

// Usage: FlowSchedulerBench PENDING [BATCH] [WORKERS]
// Seeds PENDING enrolments of a one-send flow (a 1-day wait, then an e-mail), all due at the same instant, in a
// fresh SQLite file; then runs FlowScheduler.runDue until nothing is due and reports steps/s and peak RSS of
// the run (the seeding's peak is reset first, /proc/self/clear_refs).

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let pending = arguments.first ?? 1_000_000
let batchSize = arguments.count > 1 ? arguments[1] : 1_000
let workers = arguments.count > 2 ? arguments[2] : 1

let flowJSON = """
    {"id": "bench", "name": "Bench", "version": 1, "message_class": "marketing", "priority": 50,
     "trigger": {"event": "order_delivered"}, "reentry": {"rule": "every_time"},
     "steps": [{"id": "wait", "wait": {"for": "P1D"}, "next": "send"},
               {"id": "send", "send_email": {"template": "review_request", "asks_for_feedback": true,
                "own_similar_goods": true, "subject": {"de": "Wie war's?", "en": "How was it?"}}}]}
    """

/// Counts what it is handed (the rendering is measured by the messaging benchmarks).
final class CountingEffects: FlowEffects {
    let sends = Atomic<Int>(0)
    func perform(_ batch: [EnrolmentEffects]) async throws {
        var count = 0
        for item in batch {
            for case .send in item.actions { count += 1 }
        }
        sends.add(count, ordering: .relaxed)
    }
}

struct Facts: CustomerFactsProvider {
    let facts = CustomerFacts(
        locale: .de, timeZone: TimeZone(identifier: "Europe/Berlin"), orderCount: 1, totalSpentMinor: 5_000,
        contact: ContactFacts(hasEmail: true, emailConsent: .granted))
    func facts(for customerIDs: Set<String>, now: Date) async throws -> [String: CustomerFacts] {
        var answer: [String: CustomerFacts] = [:]
        answer.reserveCapacity(customerIDs.count)
        for id in customerIDs { answer[id] = facts }
        return answer
    }
}

/// User + system CPU seconds of this process so far.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

func status(_ field: String) -> Int {
    let text = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
    }
    return 0
}

let folder = FileManager.default.temporaryDirectory.appendingPathComponent("flywheel-bench-\(UUID().uuidString)")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let store = try SQLiteStore(path: folder.appendingPathComponent("shop.sqlite").path)
try await store.migrate()

let program = try FlowProgram(try FlowDocument.parse(Data(flowJSON.utf8), name: "bench").get())
let library = try {
    var library = FlowLibrary()
    try library.publish(program)
    return library
}()
let policy = ContactPolicy(shopTimeZone: TimeZone(identifier: "Europe/Berlin")!)
let entered = Date(timeIntervalSince1970: 1_772_445_600)  // 2026-03-02 10:00 UTC
let due = entered.addingTimeInterval(86_400)

// Seed: each enrolment entered and advanced to its wait, as the scheduler leaves it.
let seedStart = ContinuousClock.now
var chunk: [StoredEnrolment] = []
chunk.reserveCapacity(10_000)
for index in 0..<pending {
    let customer = "c_\(index)"
    var enrolment = Enrolment(
        id: "enr_\(index)", program: program,
        entry: FlowEvent(customerID: customer, occurredAt: entered, trigger: .orderDelivered(orderID: "o_\(index)")))
    _ = enrolment.advance(in: program, now: entered, facts: Facts().facts, policy: policy)
    chunk.append(
        StoredEnrolment(
            id: enrolment.id, customerID: customer, flowID: "bench", flowVersion: 1, entryKey: "bench/\(index)",
            state: enrolment.snapshot(), dueAt: enrolment.dueAt, createdAt: entered, updatedAt: entered))
    if chunk.count == 10_000 || index == pending - 1 {
        _ = try await store.insertEnrolments(chunk)
        chunk.removeAll(keepingCapacity: true)
    }
}
let seeded = seedStart.duration(to: .now)

// Run: reset the peak RSS, then work everything due.
try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
let rssBefore = status("VmRSS")
let effects = CountingEffects()
let steps = Atomic<Int>(0)
let start = ContinuousClock.now
let cpuStart = cpuSeconds()
try await withThrowingTaskGroup(of: Void.self) { group in
    for worker in 0..<workers {
        group.addTask {
            let scheduler = FlowScheduler(
                library: library, store: store, facts: Facts(), effects: effects, policy: policy,
                configuration: SchedulerConfiguration(owner: "bench-\(worker)", batchSize: batchSize, lease: 600))
            while true {
                let report = try await scheduler.runDue(now: due)
                if report.enrolments == 0 { return }
                steps.add(report.enrolments, ordering: .relaxed)
            }
        }
    }
    try await group.waitForAll()
}
let elapsed = start.duration(to: .now)
let cpu = cpuSeconds() - cpuStart
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let worked = steps.load(ordering: .relaxed)
let sent = effects.sends.load(ordering: .relaxed)
print(
    """
    pending \(pending), batch \(batchSize), workers \(workers): seeded in \(seeded)
    steps \(worked), sends handed on \(sent), \(String(format: "%.2f", seconds)) s, \
    \(Int(Double(worked) / seconds)) steps/s; CPU \(String(format: "%.2f", cpu)) s (user + system), \
    \(Int(Double(worked) / cpu)) steps per CPU second
    RSS before run \(rssBefore / 1024) MiB, peak during run \(status("VmHWM") / 1024) MiB
    """)
guard worked == pending, sent == pending else {
    print("MISMATCH: expected \(pending) steps and sends")
    exit(1)
}
try store.close()
