import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import FlywheelStore
import Foundation
import Synchronization

// Usage: FlowSchedulerBench PENDING [BATCH] [WORKERS]
// Seeds PENDING enrolments of a one-send flow (a 1-day wait, then an e-mail), all due at the same instant, in a
// fresh SQLite file; then runs FlowScheduler.runDue until nothing is due — each batch's sends rendered with
// OutboxEnqueuer (Mustache: subject, text, HTML) and batch-enqueued into the same file's outbox — and reports
// steps/s and peak RSS of the run (the seeding's peak is reset first, /proc/self/clear_refs). Then it checks that
// the outbox holds exactly one message per step. SINK=count only counts the sends (the scheduler alone);
// SINK=stored stores one message rendered once for every send (the scheduler and the outbox's storage alone).

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

/// The outbox side of the flows: each send rendered (the customer's values, German formatting) and the batch's
/// sends enqueued in one transaction (`enqueueEach`), as the server's effects do. Counts the new rows.
final class OutboxEffects: FlowEffects {
    let enqueuer: OutboxEnqueuer
    let queued = Atomic<Int>(0)
    static let values: TemplateValue = [
        "shop": ["name": "Kaffeerösterei Berg", "url": "https://berg.example", "support_email": "hallo@berg.example",
                 "address": "Hauptstraße 1, 10115 Berlin", "signature": "Lena von der Rösterei Berg"],
        "customer": ["first_name": "Jürgen"],
        "product": ["name": "Espresso Bohnen 1 kg"],
        "links": ["review": "https://berg.example/r/1042"],
    ]

    init(enqueuer: OutboxEnqueuer) { self.enqueuer = enqueuer }

    func perform(_ batch: [EnrolmentEffects]) async throws {
        var sends: [OutboxSend] = []
        sends.reserveCapacity(batch.count)
        for item in batch {
            for case .send(let message) in item.actions {
                sends.append(OutboxSend(message, recipient: "\(message.customerID)@example.de", values: Self.values))
            }
        }
        // As ServerFlowEffects: one transaction, one outcome per send (a broken template would skip only its own).
        let outcomes = try await enqueuer.enqueueEach(sends)
        queued.add(outcomes.count { if case .enqueued(let result) = $0 { result.isNew } else { false } }, ordering: .relaxed)
    }
}

/// `SINK=count`: the sends are only counted (no rendering, no outbox), to see the scheduler's own cost.
final class CountingEffects: FlowEffects {
    let queued = Atomic<Int>(0)
    func perform(_ batch: [EnrolmentEffects]) async throws {
        var count = 0
        for item in batch { for case .send in item.actions { count += 1 } }
        queued.add(count, ordering: .relaxed)
    }
}

/// `SINK=stored`: the outbox path without the render — the first send is rendered once and its content stored
/// for every send (own id, key, customer and recipient), through the same key lookup and batch insert as the
/// outbox sink: what the storage costs when rendering is (nearly) free.
final class StoredEffects: FlowEffects {
    let enqueuer: OutboxEnqueuer
    let sample = Mutex<OutboxContent?>(nil)
    let queued = Atomic<Int>(0)

    init(enqueuer: OutboxEnqueuer) { self.enqueuer = enqueuer }

    func perform(_ batch: [EnrolmentEffects]) async throws {
        var messages: [OutboxMessage] = []
        messages.reserveCapacity(batch.count)
        for item in batch {
            for case .send(let message) in item.actions {
                let recipient = "\(message.customerID)@example.de"
                let content = try sample.withLock { sample in
                    if let sample { return sample }
                    sample = try enqueuer.render(message, recipient: recipient, values: OutboxEffects.values).content
                    return sample!
                }
                messages.append(
                    OutboxMessage(
                        id: OutboxEnqueuer.messageID(idempotencyKey: message.idempotencyKey, createdAt: message.createdAt),
                        idempotencyKey: message.idempotencyKey, customerID: message.customerID, channel: .email,
                        messageClass: message.messageClass.rawValue, recipient: recipient, content: content,
                        templateID: message.template, locale: "de", flowID: message.flowID, stepID: message.stepID,
                        createdAt: message.createdAt))
            }
        }
        let stored = try await enqueuer.store.storedOutboxKeys(messages.map(\.idempotencyKey))
        let results = try await enqueuer.store.enqueue(messages.filter { !stored.contains($0.idempotencyKey) })
        queued.add(results.count(where: \.isNew), ordering: .relaxed)
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
// On stderr at once, so a profiler can attach for the run alone (`perf record -p`).
FileHandle.standardError.write(Data("seeded \(pending), running\n".utf8))

// Run: reset the peak RSS, then work everything due.
try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
let rssBefore = status("VmRSS")
let sink = ProcessInfo.processInfo.environment["SINK"] ?? "outbox"
let counting = sink == "count"
let outboxEffects = OutboxEffects(
    enqueuer: OutboxEnqueuer(
        templates: try MessageTemplates.bundled(), store: store,
        unsubscribeURL: { customer, channel in URL(string: "https://berg.example/c/unsubscribe?t=\(customer).\(channel.rawValue)") }))
let countingEffects = CountingEffects()
let storedEffects = StoredEffects(enqueuer: outboxEffects.enqueuer)
let effects: any FlowEffects =
    counting ? countingEffects as any FlowEffects : sink == "stored" ? storedEffects as any FlowEffects : outboxEffects
let fixedClock = ProcessInfo.processInfo.environment["CLOCK"] == "fixed"
let steps = Atomic<Int>(0)
let wallStart = Date()
let start = ContinuousClock.now
let cpuStart = cpuSeconds()
try await withThrowingTaskGroup(of: Void.self) { group in
    for worker in 0..<workers {
        group.addTask {
            let scheduler = FlowScheduler(
                library: library, store: store, facts: Facts(), effects: effects, policy: policy,
                configuration: SchedulerConfiguration(owner: "bench-\(worker)", batchSize: batchSize, lease: 600))
            while true {
                // As in the server, each round reads the clock: `due` plus the time the run has taken
                // (CLOCK=fixed: every round at `due`, as the figures before 2026-11-24 13:30 UTC).
                let now = fixedClock ? due : due.addingTimeInterval(Date().timeIntervalSince(wallStart))
                let report = try await scheduler.runDue(now: now)
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
let sent =
    counting
    ? countingEffects.queued.load(ordering: .relaxed)
    : sink == "stored" ? storedEffects.queued.load(ordering: .relaxed) : outboxEffects.queued.load(ordering: .relaxed)
var stored = 0  // customers checked with exactly one rendered message in the outbox
for index in stride(from: 0, to: counting ? 0 : pending, by: max(1, pending / 100)) {
    let messages = try await store.outboxMessages(customerID: "c_\(index)")
    if messages.count == 1, messages[0].content.html?.contains("Espresso Bohnen 1 kg") == true { stored += 1 }
}
let checked = counting ? 0 : (pending + max(1, pending / 100) - 1) / max(1, pending / 100)
print(
    """
    pending \(pending), batch \(batchSize), workers \(workers): seeded in \(seeded)
    steps \(worked), sends \(counting ? "counted (SINK=count)" : sink == "stored" ? "stored in the outbox, rendered once (SINK=stored)" : "rendered and queued in the outbox") \(sent), \(String(format: "%.2f", seconds)) s, \
    \(Int(Double(worked) / seconds)) steps/s; CPU \(String(format: "%.2f", cpu)) s (user + system), \
    \(Int(Double(worked) / cpu)) steps per CPU second
    RSS before run \(rssBefore / 1024) MiB, peak during run \(status("VmHWM") / 1024) MiB
    """)
guard worked == pending, sent == pending, stored == checked else {
    print("MISMATCH: expected \(pending) steps and sends, and one rendered message for each of \(checked) customers checked (found \(stored))")
    exit(1)
}
try store.close()
