import FlywheelAnalytics

/// Segments: lifecycle stages against the learned lapse window, the RFM grid and named segments (each
/// exportable as CSV), and the lapsing customers with the most predicted value.
struct SegmentsPage {
    let segments: ReportSegments
    let grid: RFMGrid
    let lapsing: Result<ReportCLV, any Error>?
    let numbers: DashboardNumbers
    let text: [String: String]
    let strings: ReportStrings
    let lapseWindow: String

    func content() -> [String: Any] {
        func rows(_ counts: [SegmentCount], name: (String) -> String) -> [[String: Any]] {
            counts.map { count in
                [
                    "id": count.segment, "name": name(count.segment), "customers": numbers.count(count.customers),
                    "share": numbers.percent(count.share), "spent": numbers.money(count.netSpentMinor),
                    "exportLabel": DashboardText.format(text["export_named"] ?? "", name(count.segment)),
                ]
            }
        }
        let lifecycle = rows(segments.lifecycle) { LifecycleStage(rawValue: $0).map(strings.name) ?? $0 }
        let rfm = rows(segments.rfm) { RFMSegment(rawValue: $0).map(strings.name) ?? $0 }
        let gridRows: [[String: Any]] = (0..<5).map { r in
            [
                "recency": "R \(5 - r)",
                "cells": (0..<5).map { c in
                    let segment = RFMGrid.segment(row: r, column: c)
                    return ["segment": segment.rawValue, "name": strings.name(segment), "count": numbers.count(grid.counts[r][c])]
                        as [String: Any]
                },
            ]
        }
        var content: [String: Any] = [
            "lapseWindow": DashboardText.format(text["lapse_window"] ?? "", lapseWindow), "lifecycle": lifecycle,
            "rfm": rfm, "grid": gridRows, "fmHead": (1...5).map { "FM \($0)" },
        ]
        switch lapsing {
        case .success(let clv):
            content["hasLapsing"] = !clv.topCustomers.isEmpty
            content["lapsing"] = clv.topCustomers.map { customer in
                [
                    "customer": customer.customer, "link": CustomerPage.pathComponent(customer.customer),
                    "spent": numbers.money(customer.netSpentMinor), "alive": numbers.percent(customer.probabilityAlive),
                    "expected": numbers.decimal(customer.expectedPurchases, 2), "clv": numbers.money(customer.clvMinor),
                ] as [String: Any]
            }
        case .failure(let error):
            content["clvError"] = DashboardText.format(text["clv_unavailable"] ?? "", "\(error)")
        case nil:
            break
        }
        return content
    }
}
