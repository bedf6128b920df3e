import FlywheelCore
import FlywheelFlows
import Foundation
import OpenAPIRuntime

extension APIHandler {
    /// `POST /api/v1/flows/{id}/sends`: a segment send (newsletter) through `FlowService.sendToSegment`. Needs
    /// the admin scope (the middleware checks it); 404 without flows or for a flow not switched on, 422 for a
    /// flow that does not start on `segment_send`, an unknown segment, a bad campaign id or `send_at` ahead.
    func sendFlowToSegment(_ input: Operations.SendFlowToSegment.Input) async throws
        -> Operations.SendFlowToSegment.Output
    {
        guard let flows else { throw APIProblem.notFound("No flows run on this server (flywheel serve --flows DIR).") }
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let report: FlowService.SegmentSendReport
        do {
            report = try await flows.sendToSegment(
                flowID: input.path.id, campaign: body.campaign, segment: body.segment, sendAt: body.sendAt, now: now())
        } catch {
            throw Self.problem(error)
        }
        return .ok(
            .init(
                body: .json(
                    .init(
                        flowId: report.flowID, campaign: report.campaign, segment: report.segment, asOf: report.asOf,
                        members: report.members, entered: report.entered, refused: report.refused,
                        duplicates: report.duplicates, failed: report.failed))))
    }

    /// The HTTP problem of a refused segment send.
    static func problem(_ error: SegmentSendError) -> APIProblem {
        switch error.kind {
        case .unknownFlow:
            return .notFound("No switched-on flow has this id.")
        case .analyticsUnavailable:
            return .unprocessable(slug: "analytics-unavailable", title: "Segment not available", detail: error.reason + ".")
        case .notASegmentFlow, .unknownSegment, .invalidCampaign, .sendAtAhead:
            let pointer = error.field == "flow" ? "/" : "/" + (error.field ?? "")
            return .invalid([.init(pointer: pointer, detail: error.reason)], detail: "The send was refused; nobody entered.")
        }
    }
}
