import FlywheelAnalytics

/// Cohorts: the retention heatmap and cumulative LTV curves, split by first product or category, channel,
/// or discount vs full price, one group or the largest few.
struct CohortsPage {
    let table: CohortTable
    let selectedGroup: String?
    let numbers: DashboardNumbers
    let text: [String: String]

    /// Cohorts shown per group (the newest).
    static let cohortLimit = 24
    /// Groups listed in the group filter, and shown at once when none is chosen.
    static let groupLimit = 30
    static let shownGroups = 3

    func content() -> [String: Any] {
        let splits: [[String: Any]] = CohortSplit.allCases.map { split in
            ["value": split.rawValue, "label": text["split_" + split.rawValue] ?? split.rawValue, "selected": split == table.split]
        }
        let listed = table.split == .none ? [] : Array(table.groups.prefix(Self.groupLimit))
        let groups: [[String: Any]] = listed.map { group in
            let name = label(group)
            return ["value": name, "label": "\(name) (\(numbers.count(group.customers)))", "selected": name == selectedGroup]
        }
        var shown = table.groups
        if table.split != .none {
            if let selectedGroup { shown = table.groups.filter { label($0) == selectedGroup } } else {
                shown = Array(table.groups.prefix(Self.shownGroups))
            }
        }
        let sections: [[String: Any]] = shown.enumerated().map { index, group in
            section(group, index: index)
        }
        return ["splits": splits, "groups": groups, "hasGroups": !groups.isEmpty, "sections": sections]
    }

    private func label(_ group: CohortGroup) -> String { group.group ?? (text["split_none"] ?? "") }

    private func section(_ group: CohortGroup, index: Int) -> [String: Any] {
        let rows = group.cohorts.suffix(Self.cohortLimit).map(ReportCohortRow.init)
        let heading = table.split == .none
            ? (text["nav_cohorts"] ?? "") : "\(text["split_" + table.split.rawValue] ?? ""): \(label(group))"
        let heatmap = SVGCohortHeatmap(
            id: "heatmap-\(index)", title: text["heatmap"] ?? "", rows: Array(rows),
            cellText: { numbers.format.decimal($0 * 100, digits: 0) }, tooltip: { numbers.percent($0) }
        ).render()
        let curves = SVGMultiLineChart(
            id: "curves-\(index)", title: text["ltv_curves"] ?? "",
            series: rows.map { row in
                .init(name: numbers.month(row.cohort), values: row.cumulativeRevenuePerCustomerMinor.map(numbers.major))
            },
            stepLabel: { DashboardText.format(text["month_n"] ?? "", String($0)) },
            format: { numbers.format.decimal($0, digits: 0) + " " + numbers.currency }, noData: text["no_cohorts"] ?? ""
        ).render()
        let width = rows.map(\.retention.count).max() ?? 0
        return [
            "index": index, "heading": heading, "heatmap": heatmap, "curves": curves,
            "monthHead": (0..<width).map { "M\($0)" },
            "rows": rows.reversed().map { row in
                [
                    "cohort": numbers.month(row.cohort), "customers": numbers.count(row.customers),
                    "cells": row.retention.map { numbers.percent($0) },
                ] as [String: Any]
            },
        ]
    }
}
