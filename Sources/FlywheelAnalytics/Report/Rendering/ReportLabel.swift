/// Every piece of fixed text a rendered report shows; `ReportStrings` gives each in German and English.
public enum ReportLabel: String, CaseIterable, Hashable, Sendable {
    // Title block
    case title, asOf, months, customers, allCustomers, currency, timeZone, noData, notTracked, yes, no
    case excluded, excludedOtherCurrencies, excludedGuestOrders, excludedRefundsWithoutOrder
    case excludedRefundsOtherCurrencies, excludedSpendOtherCurrencies, excludedAnswersOutOfScale
    case segmentLifecycle, segmentRFM, segmentVIP, segmentSaved, segmentRule
    // Sections
    case sectionHeadline, sectionMonthly, sectionCohorts, sectionFunnel, sectionSegments, sectionGaps, sectionCLV
    case sectionChannels, sectionLifecycle, sectionRFM, sectionCategories, sectionTopCustomers
    // Headline
    case buyers, repeatBuyers, loyalBuyers, orders, netRevenue, repeatPurchaseRate, purchaseFrequency
    case averageOrderValue, ltvExact, ltvFormula, margin, rangeNewCustomers, rangeOrders, rangeNetRevenue
    case monthlyChurn, nps, csat, loyaltyIndex, blendedCAC, answers, wholeHistory, overRange
    // Channels
    case channel, spend, newCustomers, cac, ltv, ltvToCAC, noChannel
    // Monthly
    case month, returning, rpr, aov, churn, rprLong, ltvLong, npsLong, incomplete, sparklines
    // Cohorts
    case cohort, size, monthsSinceFirst, cohortNote, cohortTruncated, cumulativeRevenue
    // Funnel
    case stage, conversion, shareOfFirstTime, promoters, reviewers, referrers
    case funnelFirstTime, funnelRepeat, funnelLoyal, funnelAdvocate
    // Segments
    case segment, share, netSpent, lapseLearned, lapseFallback, segmentsNote
    case lifecycleProspect, lifecycleNew, lifecycleActive, lifecycleLoyal, lifecycleLapsing, lifecycleLost
    case rfmChampions, rfmLoyal, rfmPotentialLoyalist, rfmNew, rfmPromising, rfmNeedAttention, rfmAboutToSleep
    case rfmAtRisk, rfmCantLose, rfmHibernating, rfmLost, vip
    // Gaps
    case gaps, allPurchases, mean, minimum, p25, median, p75, p90, p95, maximum, days, category
    // CLV
    case clvModels, clvCalibration, clvFittedOn, clvParameters, logLikelihood, converged, notConverged
    case clvHorizon, clvExpectedPurchases, clvMeanAlive, clvTotal, clvAverage, clvUnavailable, weeks
    case customer, repeatPurchases, probabilityAlive, expectedOrders, expectedOrderValue, clv
    // HTML
    case chartRPR, chartLTV, chartNPS, heatmapTitle, generatedBy
}
