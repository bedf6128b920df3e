import FlywheelCore
import Prometheus
import Synchronization

/// The server's Prometheus metrics, in a registry of its own (no global metrics system, so tests can make
/// as many servers as they like): requests by route, method and status class; request latency; records
/// ingested by kind and outcome; webhook deliveries by topic and outcome.
public struct ServerMetrics: Sendable {
    let registry: PrometheusCollectorRegistry
    /// The request metrics' handles by route, method and status class, so a request costs one lookup here
    /// rather than two labelled lookups in the registry.
    private let requestHandles: RequestHandles

    private final class RequestHandles: Sendable {
        let handles = Mutex([String: (Counter, DurationHistogram)]())
    }

    /// A new, empty set of metrics.
    public init() {
        registry = PrometheusCollectorRegistry()
        requestHandles = RequestHandles()
    }

    private static let latencyBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
        .milliseconds(20), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(5),
    ]

    func recordRequest(route: String, method: String, status: Int, duration: Duration) {
        let key = "\(route) \(method) \(status / 100)"
        let (counter, histogram) = requestHandles.handles.withLock { handles in
            if let found = handles[key] { return found }
            let labels = [("route", route), ("method", method), ("status", "\(status / 100)xx")]
            let made = (
                registry.makeCounter(
                    descriptor: .init(namespace: "flywheel", metricName: "http_requests", unitName: "total",
                        helpText: "HTTP requests answered."), labels: labels),
                registry.makeDurationHistogram(
                    descriptor: .init(namespace: "flywheel", metricName: "http_request_duration", unitName: "seconds",
                        helpText: "Time to answer HTTP requests."),
                    labels: [("route", route), ("method", method)], buckets: Self.latencyBuckets)
            )
            handles[key] = made
            return made
        }
        counter.increment()
        histogram.record(duration)
    }

    func recordIngest(_ counts: IngestCounts) {
        let kinds: [(String, UpsertTally)] = [
            ("customer", counts.customers), ("product", counts.products), ("order", counts.orders),
            ("refund", counts.refunds), ("shipment", counts.shipments), ("return", counts.returns),
            ("marketing_spend", counts.marketingSpend), ("survey_answer", counts.surveyAnswers),
            ("review", counts.reviews), ("checkout", counts.checkouts),
        ]
        for (kind, tally) in kinds {
            for (outcome, count) in [("created", tally.created), ("updated", tally.updated), ("unchanged", tally.unchanged)]
            where count > 0 {
                registry.makeCounter(
                    descriptor: .init(namespace: "flywheel", metricName: "ingested_records", unitName: "total",
                        helpText: "Records received, by kind and what came of them."),
                    labels: [("kind", kind), ("outcome", outcome)]
                ).increment(by: Int64(count))
            }
        }
    }

    func recordWebhook(topic: String, outcome: String) {
        registry.makeCounter(
            descriptor: .init(namespace: "flywheel", metricName: "webhooks", unitName: "total",
                helpText: "Webhook deliveries, by topic and outcome."),
            labels: [("topic", topic), ("outcome", outcome)]
        ).increment()
    }

    /// The metrics in Prometheus' text exposition format.
    func exposition() -> [UInt8] { registry.emitToBuffer() }
}
