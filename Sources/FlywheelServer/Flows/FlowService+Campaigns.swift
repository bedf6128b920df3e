public import FlywheelCore
public import Foundation
import FlywheelFlows
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

    /// Runs one piece of every scheduled campaign due at `now` (`FlowJobs` calls it each round, again at once
    /// while a piece reports the campaign unfinished). A campaign's members are its segment as of its `send_at`
    /// (evaluated at its first piece in this process and kept meanwhile), in byte order of customer id; a piece
    /// enters the next `segmentPageSize` of them after the stored cursor into the flow — each once per flow and
    /// campaign by the entry key `segment_send/<campaign>` — and records the progress (members, handled, entered,
    /// cursor) over the progress it read, a compare and set, so two servers never record a piece twice. The
    /// piece that handles the last member marks the campaign `sent`. A crash or a restart loses at most the
    /// piece under way: the next round evaluates again and goes on after the cursor, and members entered already
    /// are duplicates by their keys. A failed entry ends the piece there (the cursor stays before it, the next
    /// round tries again); a send refused for good (the flow was switched off or changed, the saved segment
    /// deleted) is marked `cancelled` and logged. Returns the reports of the pieces run.
    @discardableResult
    public func runDueCampaigns(now: Date) async throws -> [SegmentSendReport] {
        var reports: [SegmentSendReport] = []
        for row in try await store.dueCampaigns(now: now) {
            if Task.isShuttingDownGracefully { break }
            do {
                if let report = try await runPiece(of: row, now: now) { reports.append(report) }
            } catch let error as SegmentSendError {
                switch error.kind {
                case .analyticsUnavailable:
                    logger.warning("flows: a segment send waits for the analytics", metadata: ["flow": "\(row.flowID)"])
                default:
                    logger.error(
                        "flows: a segment send was refused and is cancelled",
                        metadata: ["flow": "\(row.flowID)", "campaign": "\(row.campaign)", "reason": "\(error.reason)"])
                    campaignMembers.forget(flowID: row.flowID, campaign: row.campaign)
                    _ = try await store.finishCampaign(flowID: row.flowID, campaign: row.campaign, status: .cancelled, at: now)
                }
            } catch {
                // The store could not record the piece: its members are entered (their keys make a repeat a
                // duplicate), so the next round goes on from the stored cursor.
                logger.error(
                    "flows: a segment send's progress could not be stored; the next round goes on",
                    metadata: ["flow": "\(row.flowID)", "error": "\(type(of: error))"])
            }
        }
        return reports
    }

    /// One piece of a due campaign; `nil` when another server recorded the piece first (nothing to report).
    /// Throws a `SegmentSendError` when the send is refused or the analytics are not ready, the store's error
    /// when the progress could not be recorded.
    private func runPiece(of row: SegmentCampaign, now: Date) async throws -> SegmentSendReport? {
        var members = campaignMembers.members(flowID: row.flowID, campaign: row.campaign)
        if members == nil {
            let filter = try await checkSend(flowID: row.flowID, campaign: row.campaign, segment: row.segment)
            let evaluated = try await self.members(of: filter, at: row.sendAt).sorted(by: KeyOrder.precedes)
            campaignMembers.keep(evaluated, flowID: row.flowID, campaign: row.campaign)
            members = evaluated
        }
        let all = members ?? []
        let stored = row.progress
        var start = 0
        if let cursor = stored?.cursor {
            // The first member after the cursor (binary search in byte order).
            var low = 0
            var high = all.count
            while low < high {
                let middle = (low + high) / 2
                if KeyOrder.precedes(cursor, all[middle]) { high = middle } else { low = middle + 1 }
            }
            start = low
        }
        let piece = all[start..<min(start + options.segmentPageSize, all.count)]
        var report = SegmentSendReport(flowID: row.flowID, campaign: row.campaign, segment: row.segment, asOf: row.sendAt)
        report.members = all.count
        var cursor = stored?.cursor
        for customer in piece {
            if Task.isShuttingDownGracefully { break }
            let event = FlowEvent(
                customerID: customer, occurredAt: row.sendAt, trigger: .segmentSend(segment: row.segment, campaign: row.campaign))
            do {
                let entered = try await scheduler.enter(event, key: "segment_send/" + row.campaign, only: [row.flowID], now: now)
                report.entered += entered.entered
                report.refused += entered.refused
                report.duplicates += entered.duplicates
                cursor = customer
            } catch {
                report.failed += 1
                logger.error(
                    "flows: a segment member did not enter; the next round tries again",
                    metadata: ["flow": "\(row.flowID)", "error": "\(type(of: error))"])
                break
            }
        }
        let handledBefore = stored?.handled ?? 0
        let handledNow = report.entered + report.refused + report.duplicates
        let progress = SegmentCampaign.Progress(
            members: all.count, handled: handledBefore + handledNow, entered: (stored?.entered ?? 0) + report.entered,
            cursor: cursor, updatedAt: now)
        let done = start + handledNow >= all.count
        let recorded = try await store.recordCampaignProgress(
            flowID: row.flowID, campaign: row.campaign, expectedHandled: handledBefore, progress: progress)
        guard recorded else {
            // Another server recorded this piece (or the campaign was cancelled): read the row again next round.
            campaignMembers.forget(flowID: row.flowID, campaign: row.campaign)
            return report
        }
        if done {
            _ = try await store.finishCampaign(flowID: row.flowID, campaign: row.campaign, status: .sent, at: now)
            campaignMembers.forget(flowID: row.flowID, campaign: row.campaign)
            report.finished = true
            logger.info(
                "flows: a segment send went out",
                metadata: [
                    "flow": "\(row.flowID)", "campaign": "\(row.campaign)", "members": "\(all.count)",
                    "entered": "\(progress.entered)",
                ])
        }
        return report
    }
}
