public import FlywheelCore
public import Foundation
import ServiceLifecycle

extension FlowService {
    /// Stores a segment send for `sendAt` (a campaign row, `scheduled`); `FlowJobs` sends it when due
    /// (`runDueCampaigns`), the segment evaluated then. The flow, campaign id and segment are checked now as for
    /// a send made at once. Throws `campaignExists` when the flow has a campaign of this id (scheduled, sent or
    /// cancelled: a campaign id is used once), `analyticsUnavailable` when the store cannot be written.
    public func scheduleSegmentSend(
        flowID: String, campaign: String, segment: String, sendAt: Date, createdBy: String, now: Date
    ) async throws(SegmentSendError) -> SegmentCampaign {
        _ = try await checkSend(flowID: flowID, campaign: campaign, segment: segment)
        let row = SegmentCampaign(
            flowID: flowID, campaign: campaign, segment: segment, sendAt: sendAt, createdBy: createdBy, createdAt: now)
        let stored: Bool
        do {
            stored = try await store.scheduleCampaign(row)
        } catch {
            logger.error("flows: a scheduled send could not be stored", metadata: ["error": "\(type(of: error))"])
            throw SegmentSendError(.analyticsUnavailable, field: nil, "the send could not be stored; try again")
        }
        guard stored else {
            throw SegmentSendError(.campaignExists, field: "campaign", "the flow has a campaign of this id; use another")
        }
        return row
    }

    /// Cancels a scheduled send: the row becomes `cancelled` (cancelling a cancelled one answers it again).
    /// Throws `unknownCampaign` when the flow has no campaign of this id, `campaignSent` once it was sent.
    public func cancelSegmentSend(flowID: String, campaign: String, now: Date) async throws(SegmentSendError)
        -> SegmentCampaign
    {
        let row: SegmentCampaign?
        do {
            row = try await store.finishCampaign(flowID: flowID, campaign: campaign, status: .cancelled, at: now)
        } catch {
            throw SegmentSendError(.analyticsUnavailable, field: nil, "the campaign could not be changed; try again")
        }
        guard let row else { throw SegmentSendError(.unknownCampaign, field: "campaign", "the flow has no campaign of this id") }
        if row.status == .sent { throw SegmentSendError(.campaignSent, field: "campaign", "was sent already; too late to cancel") }
        return row
    }

    /// A flow's campaigns, the earliest first.
    public func segmentSends(flowID: String) async throws -> [SegmentCampaign] {
        try await store.campaigns(flowID: flowID)
    }

    /// Sends every scheduled campaign due at `now` (`FlowJobs` calls it each round). Each is sent as
    /// `sendToSegment` at `now` — the segment evaluated now, each member entered once per flow and campaign by
    /// the entry key, so a campaign that two servers run at once, or that runs again after a crash, enters
    /// nobody twice — and is marked `sent` once every member was handled. A send cut short (a failed entry, a
    /// graceful shutdown) stays scheduled and the next round enters the missed. A send refused for good (the
    /// flow was switched off or changed, the saved segment deleted) is marked `cancelled` and logged. Returns
    /// the reports of the sends made.
    @discardableResult
    public func runDueCampaigns(now: Date) async throws -> [SegmentSendReport] {
        var reports: [SegmentSendReport] = []
        for row in try await store.dueCampaigns(now: now) {
            if Task.isShuttingDownGracefully { break }
            let report: SegmentSendReport
            do {
                report = try await sendToSegment(flowID: row.flowID, campaign: row.campaign, segment: row.segment, now: now)
            } catch {
                switch error.kind {
                case .analyticsUnavailable:
                    logger.warning("flows: a scheduled send waits for the analytics", metadata: ["flow": "\(row.flowID)"])
                default:
                    logger.error(
                        "flows: a scheduled send was refused and is cancelled",
                        metadata: ["flow": "\(row.flowID)", "campaign": "\(row.campaign)", "reason": "\(error.reason)"])
                    _ = try await store.finishCampaign(flowID: row.flowID, campaign: row.campaign, status: .cancelled, at: now)
                }
                continue
            }
            reports.append(report)
            let handled = report.entered + report.refused + report.duplicates
            guard handled == report.members else {
                logger.warning(
                    "flows: a scheduled send was cut short; the next round enters the missed",
                    metadata: ["flow": "\(row.flowID)", "campaign": "\(row.campaign)", "failed": "\(report.failed)"])
                continue
            }
            _ = try await store.finishCampaign(flowID: row.flowID, campaign: row.campaign, status: .sent, at: now)
            logger.info(
                "flows: a scheduled send went out",
                metadata: [
                    "flow": "\(row.flowID)", "campaign": "\(row.campaign)", "members": "\(report.members)",
                    "entered": "\(report.entered)",
                ])
        }
        return reports
    }
}
