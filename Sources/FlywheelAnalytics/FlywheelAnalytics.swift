// FlywheelAnalytics — retention analytics over FlywheelCore records. Pure Swift: no I/O, no clock.
//
// - Table/     `OrderTable`: the shop's history as columns (orders, line items, customers, feedback, spend).
// - Engine/    `AnalyticsEngine` (kept figures, live `apply`) and `AnalyticsSnapshot` (figures as of an instant).
// - Metrics/   per-period and all-time metrics: RPR, AOV, LTV, churn, gaps, CAC, NPS, CSAT, loyalty index.
// - Cohorts/   monthly acquisition cohorts and their splits.
// - Funnel/    first-time → repeat → loyal → advocate.
// - Segments/  lifecycle stages with learned windows, RFM, VIP, rule-based and saved segments.
// - CLV/       predictive CLV: BG/NBD, Pareto/NBD, Gamma-Gamma (docs/clv.md).
//
// Definitions and decisions: docs/metrics.md. The module itself is the namespace (no type named after it, so
// `FlywheelAnalytics.Period` qualifies a type unambiguously).
