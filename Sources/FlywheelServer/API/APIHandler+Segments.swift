import FlywheelAnalytics
import FlywheelCore
import Foundation
import OpenAPIRuntime

extension APIHandler {
    /// `GET /api/v1/segments`: every saved segment, by name.
    func listSegments(_ input: Operations.ListSegments.Input) async throws -> Operations.ListSegments.Output {
        let stored = try await read { try await store.segments() }
        return .ok(.init(body: .json(.init(segments: try stored.map { try Self.api($0) }))))
    }

    /// `GET /api/v1/segments/{name}`.
    func getSegment(_ input: Operations.GetSegment.Input) async throws -> Operations.GetSegment.Output {
        guard let stored = try await read({ try await store.segment(named: input.path.name) }) else {
            throw APIProblem.notFound("There is no saved segment of this name.")
        }
        return .ok(.init(body: .json(try Self.api(stored))))
    }

    /// `PUT /api/v1/segments/{name}` (admin): validates the name and the rule (a bad condition is named by its
    /// JSON pointer), stores it, then has the dashboard's engine keep its members current.
    func saveSegment(_ input: Operations.SaveSegment.Input) async throws -> Operations.SaveSegment.Output {
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let name = input.path.name
        let segment = SavedSegment(name: name, rule: Self.domain(body.rule))
        if let refusal = SavedSegment.refusal(name: name, rule: segment.rule) {
            throw APIProblem.invalid(
                [.init(pointer: refusal.pointer, detail: refusal.reason)], detail: "The segment was refused; nothing was stored.")
        }
        let existed = try await read { try await store.segment(named: name) } != nil
        let by = APIKeyMiddleware.current?.name ?? "api"
        let stored: StoredSegment
        do {
            stored = try await store.saveSegment(segment.stored(at: now(), by: by))
        } catch {
            throw APIProblem.storeUnavailable("The segment could not be stored. Retry later.")
        }
        try? await dashboard?.save(segment, now: now())
        let answer = try Self.api(stored)
        return existed ? .ok(.init(body: .json(answer))) : .created(.init(body: .json(answer)))
    }

    /// `DELETE /api/v1/segments/{name}` (admin): 409 while a scheduled send names it.
    func deleteSegment(_ input: Operations.DeleteSegment.Input) async throws -> Operations.DeleteSegment.Output {
        let name = input.path.name
        let due = try await read { try await store.dueCampaigns(now: .distantFuture) }
        if let waiting = due.first(where: { $0.names(savedSegment: name) }) {
            throw APIProblem(
                status: .conflict, slug: "segment-in-use", title: "Segment in use",
                detail: "The scheduled send \(waiting.campaign) of flow \(waiting.flowID) names this segment; cancel it first.")
        }
        let deleted: Bool
        do {
            deleted = try await store.deleteSegment(named: name)
        } catch {
            throw APIProblem.storeUnavailable("The segment could not be deleted. Retry later.")
        }
        guard deleted else { throw APIProblem.notFound("There is no saved segment of this name.") }
        await dashboard?.removeSavedSegment(named: name)
        return .noContent(.init())
    }

    /// `GET /api/v1/segments/{name}/members`: the members now, by id in byte order, paged by cursor — from the
    /// dashboard's engine (kept current as records arrive), else evaluated over the store's history.
    func listSegmentMembers(_ input: Operations.ListSegmentMembers.Input) async throws
        -> Operations.ListSegmentMembers.Output
    {
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        let name = input.path.name
        guard let stored = try await read({ try await store.segment(named: name) }) else {
            throw APIProblem.notFound("There is no saved segment of this name.")
        }
        let segment: SavedSegment
        do {
            segment = try SavedSegment(stored)
        } catch {
            throw APIProblem.unprocessable(slug: "segment-unreadable", title: "Segment unreadable", detail: error.reason + ".")
        }
        let at = now()
        var members: [String]
        if let dashboard {
            if await dashboard.members(ofSaved: name, now: at) == nil { try? await dashboard.save(segment, now: at) }
            guard let kept = await dashboard.members(ofSaved: name, now: at) else {
                throw APIProblem.unprocessable(
                    slug: "analytics-unavailable", title: "Segment not available",
                    detail: "The shop's analytics are still loading; try again.")
            }
            members = kept
        } else {
            let settings = try await read { try await store.shopSettings() } ?? .defaults
            var table = OrderTable(settings: settings)
            try await read { try await store.readHistory { table.add($0) } }
            var engine = AnalyticsEngine(table: table)
            members = (try? engine.saveSegment(segment, asOf: at)) ?? []
            members.sort(by: KeyOrder.precedes)
        }
        if let after { members = members.filter { KeyOrder.precedes(after, $0) } }
        let page = Array(members.prefix(limit))
        let next = members.count > limit ? Self.cursor(page.last) : nil
        return .ok(.init(body: .json(.init(segment: name, items: page, nextCursor: next))))
    }

    /// The API's form of a stored segment.
    static func api(_ stored: StoredSegment) throws -> Components.Schemas.SavedSegment {
        let segment: SavedSegment
        do {
            segment = try SavedSegment(stored)
        } catch {
            throw APIProblem.unprocessable(slug: "segment-unreadable", title: "Segment unreadable", detail: error.reason + ".")
        }
        return .init(
            name: stored.name, rule: api(segment.rule), createdAt: stored.createdAt, updatedAt: stored.updatedAt,
            updatedBy: stored.updatedBy)
    }

    static func api(_ rule: SegmentRule) -> Components.Schemas.SegmentRule {
        .init(
            match: Components.Schemas.SegmentRule.MatchPayload(rawValue: rule.match.rawValue) ?? .all,
            conditions: rule.conditions.compactMap { condition in
                // The schema lists every field and comparison the domain has.
                guard let field = Components.Schemas.SegmentCondition.FieldPayload(rawValue: condition.field.rawValue),
                    let comparison = Components.Schemas.SegmentCondition.ComparisonPayload(
                        rawValue: condition.comparison.rawValue)
                else { return nil }
                let value: Components.Schemas.SegmentCondition.ValuePayload
                switch condition.value {
                case .number(let number): value = .case1(number)
                case .text(let text): value = .case2(text)
                case .flag(let flag): value = .case3(flag)
                }
                return .init(field: field, comparison: comparison, value: value)
            })
    }

    /// The domain's rule from the API's (field and comparison names are the same; the schema checked them).
    static func domain(_ rule: Components.Schemas.SegmentRule) -> SegmentRule {
        SegmentRule(
            SegmentRule.Match(rawValue: rule.match.rawValue) ?? .all,
            rule.conditions.compactMap { condition in
                guard let field = CustomerField(rawValue: condition.field.rawValue),
                    let comparison = RuleComparison(rawValue: condition.comparison.rawValue)
                else { return nil }
                let value: RuleValue
                switch condition.value {
                case .case1(let number): value = .number(number)
                case .case2(let text): value = .text(text)
                case .case3(let flag): value = .flag(flag)
                }
                return SegmentCondition(field, comparison, value)
            })
    }
}
