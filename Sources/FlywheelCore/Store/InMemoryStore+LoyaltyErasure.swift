extension InMemoryStore {
    /// The loyalty part of an erasure (docs/consent.md, "The ledger and erasure"): the erased customer's
    /// ledger moves to the pseudonym unchanged but for the name; referral keys and sign-up references naming
    /// them in other ledgers follow; their imported member record is renamed and loses its referral code and
    /// link. Amounts, times and order of every record stay as they were. (The SQL engines also record the
    /// erasure in `loyalty_erasures`, which their append-only triggers read; memory has no triggers.)
    func eraseLoyalty(of id: String, pseudonym: String) {
        let rename = LedgerRename(id: id, pseudonym: pseudonym)
        for (customer, records) in ledgers where customer == id || records.sources.contains(where: rename.touches) {
            let owner = customer == id ? pseudonym : customer
            ledgers[customer] = nil
            ledgers[owner] = CustomerLedgerRecords(
                customer: owner,
                sources: records.sources.map { source in
                    var source = source
                    source.customer = owner
                    source.key = rename.key(kind: source.kind, source.key)
                    if rename.isSignup(source) { source.reference = pseudonym }
                    return source
                },
                lots: records.lots.map { lot in
                    var lot = lot
                    lot.customer = owner
                    lot.sourceKey = rename.key(kind: lot.sourceKind, lot.sourceKey)
                    return lot
                },
                entries: records.entries.map { entry in
                    var entry = entry
                    entry.customer = owner
                    entry.sourceKey = rename.key(kind: entry.sourceKind, entry.sourceKey)
                    return entry
                })
        }
        for (code, owner) in redemptionCodes where owner == id { redemptionCodes[code] = pseudonym }
        if var member = importedLoyaltyMembers.removeValue(forKey: id) {
            member.customer = pseudonym
            member.referralCode = nil
            member.referralLink = nil
            importedLoyaltyMembers[pseudonym] = member
        }
    }
}

/// Which ledger names an erasure renames: the referral keys `<id>:referrer` / `<id>:friend` and a friend's
/// sign-up whose `reference` is the erased referrer (the same rule as the SQL engines' statements).
struct LedgerRename: Sendable {
    let id: String
    let pseudonym: String

    func touches(_ source: LedgerSourceRecord) -> Bool {
        source.customer == id || key(kind: source.kind, source.key) != source.key || isSignup(source)
    }

    func key(kind: String, _ key: String) -> String {
        guard kind == Self.referral, key.hasPrefix(id + ":") else { return key }
        return pseudonym + key.dropFirst(id.count)
    }

    func isSignup(_ source: LedgerSourceRecord) -> Bool {
        source.kind == Self.referral && source.key == Self.signup && source.reference == id
    }

    static let referral = "referral"
    static let signup = "signup"
}
