extension InMemoryStore {
    public func saveImportedMember(_ member: ImportedLoyaltyMember) async throws -> Bool {
        guard importedLoyaltyMembers[member.customer] == nil else { return false }
        if let code = member.referralCode, importedLoyaltyMembers.values.contains(where: { $0.referralCode == code }) {
            throw ImportedMemberStoreError.duplicateReferralCode(code)
        }
        importedLoyaltyMembers[member.customer] = member
        return true
    }

    public func importedMember(customer: String) async throws -> ImportedLoyaltyMember? {
        importedLoyaltyMembers[customer]
    }

    public func importedMember(referralCode: String) async throws -> ImportedLoyaltyMember? {
        importedLoyaltyMembers.values.first { $0.referralCode == referralCode }
    }

    public func importedMembers() async throws -> [ImportedLoyaltyMember] {
        importedLoyaltyMembers.keys.sorted(by: KeyOrder.precedes).compactMap { importedLoyaltyMembers[$0] }
    }

    public func ledgerCustomers() async throws -> [String] {
        ledgers.filter { !$0.value.sources.isEmpty }.keys.sorted(by: KeyOrder.precedes)
    }
}
