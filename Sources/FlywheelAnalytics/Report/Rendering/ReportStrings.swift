public import FlywheelCore

/// The report's fixed texts in German and English, keyed by `ReportLabel`. Texts with `{1}`, `{2}` …
/// take arguments (`text(_:_:)`).
public struct ReportStrings: Sendable {
    /// The language.
    public let locale: ShopLocale
    private let table: [ReportLabel: String]

    /// The strings of `locale`.
    public init(_ locale: ShopLocale) {
        self.locale = locale
        table = locale == .de ? ReportStrings.german : ReportStrings.english
    }

    /// The text of `label` (the label's name if a translation were missing; a test checks none is).
    public subscript(_ label: ReportLabel) -> String { table[label] ?? label.rawValue }

    /// The text of `label` with `{1}`, `{2}` … replaced by `arguments`.
    public func text(_ label: ReportLabel, _ arguments: String...) -> String {
        var text = self[label]
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument)
        }
        return text
    }

    /// Whether both languages have a text for every label.
    static func missing(in locale: ShopLocale) -> [ReportLabel] {
        let table = locale == .de ? german : english
        return ReportLabel.allCases.filter { table[$0] == nil }
    }

    /// A lifecycle stage's name.
    public func name(_ stage: LifecycleStage) -> String {
        switch stage {
        case .prospect: self[.lifecycleProspect]
        case .new: self[.lifecycleNew]
        case .active: self[.lifecycleActive]
        case .loyal: self[.lifecycleLoyal]
        case .lapsing: self[.lifecycleLapsing]
        case .lost: self[.lifecycleLost]
        }
    }

    /// An RFM segment's name.
    public func name(_ segment: RFMSegment) -> String {
        switch segment {
        case .champions: self[.rfmChampions]
        case .loyal: self[.rfmLoyal]
        case .potentialLoyalist: self[.rfmPotentialLoyalist]
        case .new: self[.rfmNew]
        case .promising: self[.rfmPromising]
        case .needAttention: self[.rfmNeedAttention]
        case .aboutToSleep: self[.rfmAboutToSleep]
        case .atRisk: self[.rfmAtRisk]
        case .cantLose: self[.rfmCantLose]
        case .hibernating: self[.rfmHibernating]
        case .lost: self[.rfmLost]
        }
    }

    /// A funnel stage's name.
    public func name(_ stage: FunnelStageName) -> String {
        switch stage {
        case .firstTime: self[.funnelFirstTime]
        case .repeat: self[.funnelRepeat]
        case .loyal: self[.funnelLoyal]
        case .advocate: self[.funnelAdvocate]
        }
    }

    /// The name of a segment count's segment (a lifecycle stage, an RFM segment, `vip` or a saved name).
    func name(ofCount segment: String) -> String {
        if let stage = LifecycleStage(rawValue: segment) { return name(stage) }
        if let rfm = RFMSegment(rawValue: segment) { return name(rfm) }
        return segment == "vip" ? self[.vip] : segment
    }

    /// Which customers: `all customers`, `lifecycle stage: Lapsing`, `RFM segment: At Risk` …
    public func name(_ filter: CustomerFilter) -> String {
        switch filter {
        case .all: self[.allCustomers]
        case .lifecycle(let stage): "\(self[.segmentLifecycle]): \(name(stage))"
        case .rfm(let segment): "\(self[.segmentRFM]): \(name(segment))"
        case .vip: self[.segmentVIP]
        case .saved(let saved): "\(self[.segmentSaved]): \(saved)"
        case .rule(let rule): "\(self[.segmentRule]): \(rule)"
        }
    }

    // swift-format-ignore
    private static let english: [ReportLabel: String] = [
        .title: "Retention report", .asOf: "As of", .months: "Months", .customers: "Customers",
        .allCustomers: "all customers", .currency: "Currency", .timeZone: "Time zone", .noData: "no data",
        .notTracked: "not tracked", .yes: "yes", .no: "no",
        .excluded: "Left out", .excludedOtherCurrencies: "orders in other currencies",
        .excludedGuestOrders: "guest orders", .excludedRefundsWithoutOrder: "refunds without their order",
        .excludedRefundsOtherCurrencies: "refunds in other currencies",
        .excludedSpendOtherCurrencies: "spend in other currencies", .excludedAnswersOutOfScale: "answers out of scale",
        .segmentLifecycle: "lifecycle stage", .segmentRFM: "RFM segment", .segmentVIP: "VIP customers",
        .segmentSaved: "saved segment", .segmentRule: "rule",
        .sectionHeadline: "Headline figures", .sectionMonthly: "Month by month", .sectionCohorts: "Cohort retention",
        .sectionFunnel: "Funnel", .sectionSegments: "Segments", .sectionGaps: "Time between purchases",
        .sectionCLV: "Predicted customer lifetime value", .sectionChannels: "Acquisition by channel",
        .sectionLifecycle: "Lifecycle stages", .sectionRFM: "RFM segments", .sectionCategories: "By category",
        .sectionTopCustomers: "Customers of highest predicted value",
        .buyers: "Buyers", .repeatBuyers: "Repeat buyers", .loyalBuyers: "Loyal buyers", .orders: "Orders",
        .netRevenue: "Net revenue", .repeatPurchaseRate: "Repeat purchase rate",
        .purchaseFrequency: "Purchase frequency", .averageOrderValue: "Average order value",
        .ltvExact: "Historical LTV (exact)", .ltvFormula: "LTV (AOV × orders × margin {1})", .margin: "Margin",
        .rangeNewCustomers: "New customers", .rangeOrders: "Orders", .rangeNetRevenue: "Net revenue",
        .monthlyChurn: "Monthly churn", .nps: "NPS", .csat: "CSAT", .loyaltyIndex: "Loyalty index",
        .blendedCAC: "Blended CAC", .answers: "answers", .wholeHistory: "whole history up to {1}",
        .overRange: "{1} – {2}",
        .channel: "Channel", .spend: "Spend", .newCustomers: "New customers", .cac: "CAC", .ltv: "LTV",
        .ltvToCAC: "LTV:CAC", .noChannel: "(no channel)",
        .month: "Month", .returning: "Returning", .rpr: "RPR", .aov: "AOV", .churn: "Churn",
        .rprLong: "Repeat purchase rate", .ltvLong: "LTV of the month's new customers", .npsLong: "Net Promoter Score",
        .incomplete: "so far", .sparklines: "Trends",
        .cohort: "Cohort", .size: "Size", .monthsSinceFirst: "Months since the first purchase",
        .cohortNote: "Share of each cohort buying again in month n after its first purchase (M0 = first month).",
        .cohortTruncated: "Months M0–M{1} shown; every month is in the JSON, CSV and HTML reports.",
        .cumulativeRevenue: "Cumulative revenue per customer",
        .stage: "Stage", .conversion: "From previous", .shareOfFirstTime: "Of first-time buyers",
        .promoters: "Promoters", .reviewers: "Reviewers", .referrers: "Referrers",
        .funnelFirstTime: "First-time buyers", .funnelRepeat: "Repeat buyers", .funnelLoyal: "Loyal ({1}+ purchases)",
        .funnelAdvocate: "Advocates",
        .segment: "Segment", .share: "Share", .netSpent: "Net spent",
        .lapseLearned: "Active up to {1} days after the last purchase, lapsing up to {2} days, lost after that (learned from {3} gaps between purchases).",
        .lapseFallback: "Active up to {1} days after the last purchase, lapsing up to {2} days, lost after that (default windows: too few gaps between purchases to learn from, {3}).",
        .segmentsNote: "Over every customer.",
        .lifecycleProspect: "Prospect", .lifecycleNew: "New", .lifecycleActive: "Active", .lifecycleLoyal: "Loyal",
        .lifecycleLapsing: "Lapsing", .lifecycleLost: "Lost",
        .rfmChampions: "Champions", .rfmLoyal: "Loyal", .rfmPotentialLoyalist: "Potential Loyalist", .rfmNew: "New",
        .rfmPromising: "Promising", .rfmNeedAttention: "Need Attention", .rfmAboutToSleep: "About to Sleep",
        .rfmAtRisk: "At Risk", .rfmCantLose: "Can't Lose", .rfmHibernating: "Hibernating", .rfmLost: "Lost",
        .vip: "VIP",
        .gaps: "Gaps", .allPurchases: "All purchases", .mean: "Mean", .minimum: "Min", .p25: "25th pct.", .median: "Median", .p75: "75th pct.",
        .p90: "90th pct.", .p95: "95th pct.", .maximum: "Max", .days: "days", .category: "Category",
        .clvModels: "BG/NBD and Gamma-Gamma", .clvCalibration: "Calibrated on every purchase up to {1}, in weeks",
        .clvFittedOn: "{1} customers, {2} with repeat purchases", .clvParameters: "Parameters",
        .logLikelihood: "log-likelihood", .converged: "converged", .notConverged: "NOT converged",
        .clvHorizon: "Expected purchases over {1} weeks; CLV over {2} months, discounted {3} a month",
        .clvExpectedPurchases: "Expected purchases", .clvMeanAlive: "Mean probability alive",
        .clvTotal: "Predicted CLV, total", .clvAverage: "Predicted CLV per customer",
        .clvUnavailable: "Not available: {1}", .weeks: "weeks",
        .customer: "Customer", .repeatPurchases: "Repeat", .probabilityAlive: "P(alive)", .expectedOrders: "Exp. orders",
        .expectedOrderValue: "Exp. order value", .clv: "CLV",
        .chartRPR: "Repeat purchase rate by month", .chartLTV: "LTV of new customers by month",
        .chartNPS: "NPS by month", .heatmapTitle: "Cohort retention heatmap",
        .generatedBy: "Made by Flywheel",
    ]

    // swift-format-ignore
    private static let german: [ReportLabel: String] = [
        .title: "Kundenbindungsbericht", .asOf: "Stand", .months: "Monate", .customers: "Kunden",
        .allCustomers: "alle Kunden", .currency: "Währung", .timeZone: "Zeitzone", .noData: "keine Daten",
        .notTracked: "nicht erfasst", .yes: "ja", .no: "nein",
        .excluded: "Nicht berücksichtigt", .excludedOtherCurrencies: "Bestellungen in anderen Währungen",
        .excludedGuestOrders: "Gastbestellungen", .excludedRefundsWithoutOrder: "Erstattungen ohne ihre Bestellung",
        .excludedRefundsOtherCurrencies: "Erstattungen in anderen Währungen",
        .excludedSpendOtherCurrencies: "Werbeausgaben in anderen Währungen",
        .excludedAnswersOutOfScale: "Antworten außerhalb der Skala",
        .segmentLifecycle: "Lebenszyklus-Phase", .segmentRFM: "RFM-Segment", .segmentVIP: "VIP-Kunden",
        .segmentSaved: "gespeichertes Segment", .segmentRule: "Regel",
        .sectionHeadline: "Kennzahlen", .sectionMonthly: "Monatsverlauf", .sectionCohorts: "Kohorten-Bindung",
        .sectionFunnel: "Trichter", .sectionSegments: "Segmente", .sectionGaps: "Zeit zwischen Käufen",
        .sectionCLV: "Prognostizierter Kundenwert (CLV)", .sectionChannels: "Neukundengewinnung nach Kanal",
        .sectionLifecycle: "Lebenszyklus-Phasen", .sectionRFM: "RFM-Segmente", .sectionCategories: "Nach Kategorie",
        .sectionTopCustomers: "Kunden mit dem höchsten prognostizierten Wert",
        .buyers: "Käufer", .repeatBuyers: "Wiederkäufer", .loyalBuyers: "Treue Käufer", .orders: "Bestellungen",
        .netRevenue: "Nettoumsatz", .repeatPurchaseRate: "Wiederkaufrate",
        .purchaseFrequency: "Kaufhäufigkeit", .averageOrderValue: "Ø Bestellwert",
        .ltvExact: "Historischer CLV (exakt)", .ltvFormula: "CLV (Ø Bestellwert × Bestellungen × Marge {1})",
        .margin: "Marge",
        .rangeNewCustomers: "Neukunden", .rangeOrders: "Bestellungen", .rangeNetRevenue: "Nettoumsatz",
        .monthlyChurn: "Monatliche Abwanderung", .nps: "NPS", .csat: "CSAT", .loyaltyIndex: "Loyalitätsindex",
        .blendedCAC: "CAC gesamt", .answers: "Antworten", .wholeHistory: "gesamte Historie bis {1}",
        .overRange: "{1} – {2}",
        .channel: "Kanal", .spend: "Ausgaben", .newCustomers: "Neukunden", .cac: "CAC", .ltv: "CLV",
        .ltvToCAC: "CLV:CAC", .noChannel: "(ohne Kanal)",
        .month: "Monat", .returning: "Wiederk.", .rpr: "WKR", .aov: "Ø Bon", .churn: "Abwand.",
        .rprLong: "Wiederkaufrate", .ltvLong: "CLV der Neukunden des Monats", .npsLong: "Net Promoter Score",
        .incomplete: "bisher", .sparklines: "Verläufe",
        .cohort: "Kohorte", .size: "Größe", .monthsSinceFirst: "Monate seit dem ersten Kauf",
        .cohortNote: "Anteil jeder Kohorte, der im n-ten Monat nach dem ersten Kauf wieder kauft (M0 = erster Monat).",
        .cohortTruncated: "Monate M0–M{1} gezeigt; alle Monate stehen im JSON-, CSV- und HTML-Bericht.",
        .cumulativeRevenue: "Kumulierter Umsatz je Kunde",
        .stage: "Stufe", .conversion: "Von der Vorstufe", .shareOfFirstTime: "Der Erstkäufer",
        .promoters: "Promotoren", .reviewers: "Rezensenten", .referrers: "Empfehler",
        .funnelFirstTime: "Erstkäufer", .funnelRepeat: "Wiederkäufer", .funnelLoyal: "Treue ({1}+ Käufe)",
        .funnelAdvocate: "Fürsprecher",
        .segment: "Segment", .share: "Anteil", .netSpent: "Nettoausgaben",
        .lapseLearned: "Aktiv bis {1} Tage nach dem letzten Kauf, abwandernd bis {2} Tage, danach verloren (gelernt aus {3} Abständen zwischen Käufen).",
        .lapseFallback: "Aktiv bis {1} Tage nach dem letzten Kauf, abwandernd bis {2} Tage, danach verloren (Standardfenster: zu wenige Abstände zwischen Käufen zum Lernen, {3}).",
        .segmentsNote: "Über alle Kunden.",
        .lifecycleProspect: "Interessent", .lifecycleNew: "Neu", .lifecycleActive: "Aktiv", .lifecycleLoyal: "Treu",
        .lifecycleLapsing: "Abwandernd", .lifecycleLost: "Verloren",
        .rfmChampions: "Champions", .rfmLoyal: "Treue Kunden", .rfmPotentialLoyalist: "Potenziell treu",
        .rfmNew: "Neukunden", .rfmPromising: "Vielversprechend", .rfmNeedAttention: "Brauchen Aufmerksamkeit",
        .rfmAboutToSleep: "Drohen einzuschlafen", .rfmAtRisk: "Gefährdet", .rfmCantLose: "Nicht verlieren",
        .rfmHibernating: "Im Winterschlaf", .rfmLost: "Verloren", .vip: "VIP",
        .gaps: "Abstände", .allPurchases: "Alle Käufe", .mean: "Mittel", .minimum: "Min", .p25: "25. Perz.", .median: "Median", .p75: "75. Perz.",
        .p90: "90. Perz.", .p95: "95. Perz.", .maximum: "Max", .days: "Tage", .category: "Kategorie",
        .clvModels: "BG/NBD und Gamma-Gamma", .clvCalibration: "Kalibriert auf allen Käufen bis {1}, in Wochen",
        .clvFittedOn: "{1} Kunden, {2} mit Wiederkäufen", .clvParameters: "Parameter",
        .logLikelihood: "Log-Likelihood", .converged: "konvergiert", .notConverged: "NICHT konvergiert",
        .clvHorizon: "Erwartete Käufe in {1} Wochen; CLV über {2} Monate, abgezinst mit {3} je Monat",
        .clvExpectedPurchases: "Erwartete Käufe", .clvMeanAlive: "Ø Wahrscheinlichkeit aktiv",
        .clvTotal: "Prognostizierter CLV gesamt", .clvAverage: "Prognostizierter CLV je Kunde",
        .clvUnavailable: "Nicht verfügbar: {1}", .weeks: "Wochen",
        .customer: "Kunde", .repeatPurchases: "Wiederk.", .probabilityAlive: "P(aktiv)", .expectedOrders: "Erw. Käufe",
        .expectedOrderValue: "Erw. Bestellwert", .clv: "CLV",
        .chartRPR: "Wiederkaufrate je Monat", .chartLTV: "CLV der Neukunden je Monat",
        .chartNPS: "NPS je Monat", .heatmapTitle: "Kohorten-Heatmap",
        .generatedBy: "Erstellt mit Flywheel",
    ]
}
