import FlywheelAnalytics
import FlywheelCore
import Foundation

/// A segment's members as CSV for a spreadsheet: id, orders, net spent, first and last purchase, stage,
/// RFM score and segment, VIP. Cells that a spreadsheet would run as a formula are prefixed with `'`.
struct SegmentExport {
    let snapshot: AnalyticsSnapshot

    /// `lifecycle:STAGE`, `rfm:SEGMENT`, `vip` or `all`; `nil` for anything else.
    static func filter(named name: String) -> CustomerFilter? {
        let parts = name.split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("all", 1): return .all
        case ("vip", 1): return .vip
        case ("lifecycle", 2): return LifecycleStage(rawValue: parts[1]).map(CustomerFilter.lifecycle)
        case ("rfm", 2): return RFMSegment(rawValue: parts[1]).map(CustomerFilter.rfm)
        default: return nil
        }
    }

    func csv(_ filter: CustomerFilter) throws -> String {
        var out = "customer_id,orders,net_spent_minor,currency,first_purchase,last_purchase,stage,rfm_score,rfm_segment,vip\r\n"
        for id in try snapshot.members(of: filter) {
            guard let p = snapshot.profile(customerExternalID: id) else { continue }
            let fields = [
                id, String(p.orders), String(p.netSpentMinor), snapshot.currency, p.firstPurchaseDay ?? "",
                p.lastPurchaseDay ?? "", p.stage.rawValue, p.rfm?.description ?? "", p.rfmSegment?.rawValue ?? "",
                p.isVIP ? "true" : "false",
            ]
            out += fields.map(Self.cell).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A cell as the export writes it: formulas defused, then quoted (`CSVField`).
    static func cell(_ value: String) -> String { CSVField.quoted(CSVField.defused(value)) }
}
