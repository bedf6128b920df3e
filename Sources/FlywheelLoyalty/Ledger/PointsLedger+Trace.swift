extension PointsLedger {
    /// Every lot `customer` ever earned, oldest first, with the entries that used its points.
    public func trace(customer: String) -> [LotTrace] {
        lotIDs(of: customer).map { id in
            LotTrace(lot: lots[id.rawValue], uses: entries(ofLot: id).filter(\.takesFromCustomer))
        }
    }

    /// Which lots a spend (redemption, expiry run, refund reversal, manual deduction) took its points from,
    /// and which events earned them.
    public func origins(of source: SourceEvent) -> [LotConsumption] {
        entries(of: source)
            .filter(\.takesFromCustomer)
            .map { LotConsumption(lot: $0.lot, earnedBy: lots[$0.lot.rawValue].source, points: $0.points) }
    }
}
