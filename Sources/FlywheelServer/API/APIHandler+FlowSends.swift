import FlywheelCore
import FlywheelFlows
import Foundation
import OpenAPIRuntime

extension APIHandler {
    /// `POST /api/v1/flows/{id}/sends`: a segment send (newsletter) stored as a campaign through
    /// `FlowService.scheduleSegmentSend` (202) for `send_at` (default now); `FlowJobs` sends it in pieces when due,
    /// and `GET` shows its progress. Needs the admin scope (the middleware checks it); 404 without flows or for a
    /// flow not switched on, 422 for a flow that does not start on `segment_send`, an unknown segment or a bad
    /// campaign id, 409 for a campaign id the flow has used.
    func sendFlowToSegment(_ input: Operations.SendFlowToSegment.Input) async throws
        -> Operations.SendFlowToSegment.Output
    {
        guard let flows else { throw APIProblem.notFound("No flows run on this server (flywheel serve --flows DIR).") }
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let at = now()
        let row: SegmentCampaign
        do {
            row = try await flows.scheduleSegmentSend(
                flowID: input.path.id, campaign: body.campaign, segment: body.segment, sendAt: body.sendAt ?? at,
                createdBy: APIKeyMiddleware.current?.name ?? "api", now: at)
        } catch {
            throw Self.problem(error)
        }
        return .accepted(.init(body: .json(Self.api(row))))
    }

    /// `GET /api/v1/flows/{id}/sends`: the flow's campaigns, the earliest first.
    func listFlowSends(_ input: Operations.ListFlowSends.Input) async throws -> Operations.ListFlowSends.Output {
        guard let flows else { throw APIProblem.notFound("No flows run on this server (flywheel serve --flows DIR).") }
        let rows = try await read { try await flows.segmentSends(flowID: input.path.id) }
        return .ok(.init(body: .json(.init(campaigns: rows.map { Self.api($0) }))))
    }

    /// `DELETE /api/v1/flows/{id}/sends/{campaign}` (admin): cancels a scheduled send; 409 once it was sent.
    func cancelFlowSend(_ input: Operations.CancelFlowSend.Input) async throws -> Operations.CancelFlowSend.Output {
        guard let flows else { throw APIProblem.notFound("No flows run on this server (flywheel serve --flows DIR).") }
        do {
            let row = try await flows.cancelSegmentSend(flowID: input.path.id, campaign: input.path.campaign, now: now())
            return .ok(.init(body: .json(Self.api(row))))
        } catch {
            throw Self.problem(error)
        }
    }

    /// The API's form of a campaign.
    static func api(_ row: SegmentCampaign) -> Components.Schemas.SegmentCampaign {
        let status: Components.Schemas.SegmentCampaign.StatusPayload =
            switch row.status {
            case .scheduled: .scheduled
            case .sent: .sent
            case .cancelled: .cancelled
            }
        let state: Components.Schemas.SegmentCampaign.StatePayload =
            switch row.state {
            case .scheduled: .scheduled
            case .sending: .sending
            case .sent: .sent
            case .cancelled: .cancelled
            }
        return .init(
            flowId: row.flowID, campaign: row.campaign, segment: row.segment, sendAt: row.sendAt, status: status,
            createdBy: row.createdBy, createdAt: row.createdAt, finishedAt: row.finishedAt, state: state,
            members: row.progress?.members, handled: row.progress?.handled, entered: row.progress?.entered,
            progressAt: row.progress?.updatedAt)
    }

    /// The HTTP problem of a refused segment send.
    static func problem(_ error: SegmentSendError) -> APIProblem {
        switch error.kind {
        case .unknownFlow:
            return .notFound("No switched-on flow has this id.")
        case .unknownCampaign:
            return .notFound("The flow has no campaign of this id.")
        case .campaignExists:
            return APIProblem(
                status: .conflict, slug: "campaign-exists", title: "Campaign exists",
                detail: "The flow has a campaign of this id already; use another.",
                errors: [.init(pointer: "/campaign", detail: error.reason)])
        case .campaignSent:
            return APIProblem(
                status: .conflict, slug: "campaign-sent", title: "Campaign sent", detail: "The campaign was sent already; too late to cancel.")
        case .analyticsUnavailable:
            return .unprocessable(slug: "analytics-unavailable", title: "Segment not available", detail: error.reason + ".")
        case .notASegmentFlow, .unknownSegment, .invalidCampaign, .sendAtAhead:
            let pointer = error.field == "flow" ? "/" : "/" + (error.field ?? "")
            return .invalid([.init(pointer: pointer, detail: error.reason)], detail: "The send was refused; nobody entered.")
        }
    }
}
