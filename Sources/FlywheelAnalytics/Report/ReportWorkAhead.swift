import Dispatch
import Foundation

/// The parts of a report started before the engine's figures exist (`ReportAhead`): the CLV models and
/// the gaps between purchases of every customer, each on a thread of its own, from the table and its rows
/// grouped by customer as of one cutoff. The snapshot with that cutoff waits for them and takes them
/// (`AnalyticsSnapshot.reportCLV`, `interPurchaseTimes`); what they compute is exactly what the snapshot
/// would compute, so the report does not depend on whether or when they ran.
final class ReportWorkAhead: @unchecked Sendable {
    /// The instant the work is as of, its cutoff (UTC seconds) and local day.
    let asOf: Date
    let cutoff: Int64
    let asOfDay: Int32
    private let clvOptions: ReportCLVOptions?
    private let startedGaps: Bool
    private let clvDone = DispatchGroup()
    private let gapsDone = DispatchGroup()
    // Each written once by its thread before its group is left, read only after waiting on the group.
    private var clvResult: Result<CLVPrediction, CLVError>?
    private var gapsResult: InterPurchaseReport?

    /// Starts the work `ahead` asks for on `table` grouped by `index`; `observer` hears each piece.
    init(
        _ ahead: ReportAhead, table: OrderTable, index: CustomerOrderIndex, observer: (any ReportWorkObserver)?
    ) {
        let cutoff = LocalDayConverter.seconds(of: ahead.asOf)
        var converter = LocalDayConverter(timeZone: table.timeZone)
        let asOfDay = converter.localDay(utcSeconds: cutoff)
        asOf = ahead.asOf
        self.cutoff = cutoff
        self.asOfDay = asOfDay
        clvOptions = ahead.clv
        startedGaps = ahead.gaps
        if let options = ahead.clv {
            clvDone.enter()
            Thread {
                self.clvResult = observer.measure("ahead: clv models") {
                    Result { () throws(CLVError) in
                        try CLVPrediction(
                            table: table, index: index, cutoff: cutoff, asOfDay: asOfDay, options: options,
                            observer: observer)
                    }
                }
                self.clvDone.leave()
            }.start()
        }
        if ahead.gaps {
            gapsDone.enter()
            let asOf = ahead.asOf
            Thread {
                self.gapsResult = observer.measure("ahead: gaps") {
                    AnalyticsSnapshot.interPurchaseTimes(
                        table: table, index: index, cutoff: cutoff, asOf: asOf, segment: .all, mask: nil, occasions: nil,
                        products: false)
                }
                self.gapsDone.leave()
            }.start()
        }
    }

    /// Whether any of the sections asked for (the CLV section with `clv`, the gaps over every customer with
    /// `gaps`) is computed here.
    func startedSections(clv: ReportCLVOptions?, gaps: Bool) -> Bool {
        (clv != nil && clvOptions != nil) || (gaps && startedGaps)
    }

    /// The CLV models when they were started with the same horizon, months and discount rate as `options`
    /// (the top customers are chosen later), once done; `nil` otherwise. Throws what the fit threw.
    func clv(options: ReportCLVOptions) throws(CLVError) -> CLVPrediction? {
        guard let started = clvOptions, started.horizonWeeks == options.horizonWeeks,
            started.months == options.months, started.monthlyDiscountRate == options.monthlyDiscountRate
        else { return nil }
        clvDone.wait()
        return try clvResult?.get()
    }

    /// Every customer's gaps between purchases (overall and per category: the report's; no products) when
    /// they were started, once done; `nil` otherwise.
    func gaps() -> InterPurchaseReport? {
        gapsDone.wait()
        return gapsResult
    }
}
