import FlywheelCore
import FlywheelFlows
import FlywheelMessaging
import Foundation
import OpenAPIRuntime

/// Implements the operations of `openapi.yaml` over a store. Authentication, scopes, idempotency keys and
/// error rendering happen in middleware before and after it (see `FlywheelServer.buildRouter`).
struct APIHandler: APIProtocol {
    let store: any FlywheelStore
    let now: @Sendable () -> Date
    let metrics: ServerMetrics
    /// Told about every batch stored: the dashboard's engine, the loyalty programme.
    let observers: [any IngestObserver]
    /// The loyalty programme at work; `nil` when none is configured (loyalty routes answer 404).
    let loyalty: LoyaltyService?
    /// Signs customer-page links.
    let linkSigner: CustomerLinkSigner
    /// Where customer-page links point.
    let baseURL: URL
    /// The message templates flows are checked against and previewed with.
    let templates: MessageTemplates
    /// What `templates` can render, for flow validation.
    let catalogue: TemplateCatalogue
    /// Consent changes with history, suppression and double opt-in.
    let consent: ConsentDesk
    /// The flows at work (segment sends); `nil` when no flows run.
    var flows: FlowService? = nil
    /// The dashboard's engine, which keeps saved segments current; `nil` without the dashboard.
    var dashboard: DashboardAnalytics? = nil
    /// The shop's usual delivery time (`--delivery-days`), which previews restate as a real send does.
    var deliveryDays: DeliveryDays? = nil

    /// Stores a batch and answers how `tally` of it went: 201 when created, 200 otherwise.
    func upsert(_ batch: IngestBatch, id: String, tally: (IngestCounts) -> UpsertTally) async throws(APIProblem)
        -> (created: Bool, body: Components.Schemas.UpsertResult)
    {
        let counts: IngestCounts
        do {
            counts = try await store.ingest(batch)
        } catch let error as IngestError {
            throw Self.problem(error)
        } catch let error as ValidationError {
            throw FieldPointer.problem(error, ownID: "")
        } catch {
            throw APIProblem.storeUnavailable("The record could not be stored; nothing was stored. Retry later.")
        }
        metrics.recordIngest(counts)
        await observers.stored(batch, counts: counts, now: now())
        let t = tally(counts)
        let result: Components.Schemas.UpsertResult.ResultPayload =
            t.created > 0 ? .created : t.updated > 0 ? .updated : .unchanged
        return (t.created > 0, .init(id: id, result: result))
    }

    static func problem(_ error: IngestError) -> APIProblem {
        let pointer = FieldPointer.pointer(for: error.field, ownID: "")
        return .unprocessable(slug: "refused", title: "Refused by a rule", detail: "\(error.description); nothing was stored.")
            .with(errors: [.init(pointer: pointer, detail: error.reason)])
    }

    /// Reads a page request: the cursor (opaque: base64url of the last key) and the limit (1–1000).
    static func listQuery(cursor: String?, limit: Int?) throws(APIProblem) -> (after: String?, limit: Int) {
        let limit = limit ?? 100
        guard (1...1000).contains(limit) else {
            throw .badRequest("limit must be between 1 and 1000.", errors: [.init(pointer: "limit", detail: "must be 1–1000")])
        }
        guard let cursor else { return (nil, limit) }
        guard let data = Base64URL.decode(cursor), let key = String(data: data, encoding: .utf8) else {
            throw .badRequest("cursor is not one this server gave.", errors: [.init(pointer: "cursor", detail: "is not a valid cursor")])
        }
        return (key, limit)
    }

    static func cursor(_ key: String?) -> String? { key.map { Base64URL.encode(Array($0.utf8)) } }

    func read<T>(_ body: () async throws -> T) async throws(APIProblem) -> T {
        do { return try await body() } catch {
            throw APIProblem.storeUnavailable("The store could not be read. Retry later.")
        }
    }
}

extension APIProblem {
    func with(errors: [FieldError]) -> APIProblem {
        var copy = self
        copy.errors = errors
        return copy
    }
}
