import FlywheelAnalytics
import FlywheelAutomation
import FlywheelCore
import FlywheelFlows
public import Foundation
import ServiceLifecycle

extension FlowService {
    /// What one segment send did.
    public struct SegmentSendReport: Hashable, Sendable {
        public var flowID: String
        public var campaign: String
        public var segment: String
        /// The instant the segment was evaluated as of (the send's moment).
        public var asOf: Date
        /// Customers in the segment then.
        public var members = 0
        /// Entered now; refused by the flow's filters or re-entry rule; entered before for this campaign;
        /// failed to enter (logged; sending again enters only those).
        public var entered = 0
        public var refused = 0
        public var duplicates = 0
        public var failed = 0
        /// For a piece of a campaign (`runDueCampaigns`): whether this piece completed it (the campaign is `sent`).
        public var finished = false
    }

    /// A newsletter: enters every member of `segment` (a name as `flywheel report --segment` takes it, or a saved
    /// segment's name or `saved:NAME`, evaluated by the analytics' rules as of `sendAt`, default `now`) into the
    /// `segment_send` flow `flowID` with a `segment_send` event for `campaign`. The key `segment_send/<campaign>`
    /// enters each customer once per flow and campaign, so sending again (a retry, a second click, a scheduled
    /// send run by two servers) enters only who was missed. The flow's steps then apply consent, suppression,
    /// frequency caps and quiet hours as for any marketing send. Members enter in pages of `segmentPageSize`,
    /// each entry its own transaction; a graceful shutdown stops between pages (send again to finish). `sendAt`
    /// more than a minute ahead of `now` is refused here: `scheduleSegmentSend` stores such a send for later.
    public func sendToSegment(flowID: String, campaign: String, segment: String, sendAt: Date? = nil, now: Date)
        async throws(SegmentSendError) -> SegmentSendReport
    {
        let filter = try await checkSend(flowID: flowID, campaign: campaign, segment: segment)
        let at = sendAt ?? now
        guard at <= now.addingTimeInterval(60) else {
            throw SegmentSendError(.sendAtAhead, field: "send_at", "lies ahead; schedule the send instead")
        }
        let members = try await self.members(of: filter, at: at)
        var report = SegmentSendReport(flowID: flowID, campaign: campaign, segment: segment, asOf: at)
        report.members = members.count
        var start = 0
        while start < members.count {
            if Task.isShuttingDownGracefully { break }
            let page = members[start..<min(start + options.segmentPageSize, members.count)]
            for customer in page {
                let event = FlowEvent(customerID: customer, occurredAt: at, trigger: .segmentSend(segment: segment, campaign: campaign))
                do {
                    let entered = try await scheduler.enter(event, key: "segment_send/" + campaign, only: [flowID], now: now)
                    report.entered += entered.entered
                    report.refused += entered.refused
                    report.duplicates += entered.duplicates
                } catch {
                    report.failed += 1
                    logger.error(
                        "flows: a segment member did not enter; send again to enter the missed",
                        metadata: ["flow": "\(flowID)", "error": "\(type(of: error))"])
                }
            }
            start += page.count
        }
        return report
    }

    /// The customers of `filter` as of `at`, by the analytics' rules (the dashboard's engine when it runs).
    func members(of filter: CustomerFilter, at: Date) async throws(SegmentSendError) -> [String] {
        do {
            guard let snapshot = try await analyticsSnapshot(now: at) else {
                throw SegmentSendError(.analyticsUnavailable, field: nil, "the shop's analytics are still loading; try again")
            }
            return try snapshot.members(of: filter)
        } catch let error as SegmentSendError {
            throw error
        } catch {
            logger.error("flows: the segment of a send could not be evaluated", metadata: ["error": "\(type(of: error))"])
            throw SegmentSendError(.analyticsUnavailable, field: nil, "the shop's analytics could not be read; try again")
        }
    }

    /// Checks what a send names — a switched-on `segment_send` flow, a campaign id, a segment — and returns the
    /// segment's filter: a built-in segment, else a saved one read from the store (its rule, so a fresh engine
    /// evaluates it as the dashboard's would).
    func checkSend(flowID: String, campaign: String, segment: String) async throws(SegmentSendError) -> CustomerFilter {
        guard let program = scheduler.flowLibrary.current(flowID) else {
            throw SegmentSendError(.unknownFlow, field: "flow", "no switched-on flow has this id")
        }
        guard program.definition.trigger.event == .segmentSend else {
            throw SegmentSendError(
                .notASegmentFlow, field: "flow",
                "the flow starts on \(program.definition.trigger.event.rawValue), not segment_send")
        }
        guard Self.isCampaignID(campaign) else {
            throw SegmentSendError(.invalidCampaign, field: "campaign", "must be 1–64 characters of A–Z, a–z, 0–9, '.', '_', '-'")
        }
        let savedName: String
        let builtInReason: String
        do {
            let filter = try CustomerFilter(segmentName: segment)
            guard case .saved(let name) = filter else { return filter }
            savedName = name
            builtInReason = "there is no saved segment named \(name)"
        } catch {
            savedName = segment
            builtInReason = error.reason + ", or a saved segment's name"
        }
        let stored: StoredSegment?
        do {
            stored = try await store.segment(named: savedName)
        } catch {
            logger.error("flows: the saved segments could not be read", metadata: ["error": "\(type(of: error))"])
            throw SegmentSendError(.analyticsUnavailable, field: nil, "the saved segments could not be read; try again")
        }
        guard let stored else { throw SegmentSendError(.unknownSegment, field: "segment", builtInReason) }
        do {
            return .rule(try SavedSegment(stored).rule)
        } catch {
            throw SegmentSendError(.unknownSegment, field: "segment", error.reason)
        }
    }

    /// `[A-Za-z0-9._-]{1,64}`: a campaign id is part of the entry key.
    static func isCampaignID(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { c in
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x2E || c == 0x5F
                    || c == 0x2D
            }
    }
}
