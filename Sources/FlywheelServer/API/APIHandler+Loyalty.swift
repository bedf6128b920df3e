import FlywheelCore
import FlywheelLoyalty
import Foundation

extension APIHandler {
    /// The loyalty service, or the 404 every loyalty route answers without a programme.
    func programme() throws(APIProblem) -> LoyaltyService {
        guard let loyalty else {
            throw APIProblem.notFound("No loyalty programme is configured (flywheel serve --programme FILE).")
        }
        return loyalty
    }

    /// A customer id known to the store or to the ledger, else 404.
    func knownCustomer(_ id: String) async throws(APIProblem) {
        let known = try await read {
            if try await store.customer(externalID: id) != nil { return true }
            return try await store.ledgerBalance(customer: id).entryCount > 0
        }
        guard known else { throw APIProblem.notFound("No customer with this id.") }
    }

    func listLoyaltyRewards(_ input: Operations.ListLoyaltyRewards.Input) async throws
        -> Operations.ListLoyaltyRewards.Output
    {
        let programme = try programme().programme
        return .ok(
            .init(
                body: .json(
                    .init(
                        programmeId: programme.id, programmeName: programme.name, currency: programme.currency,
                        rewards: programme.rewards.map(\.api)))))
    }

    func getLoyaltyAccount(_ input: Operations.GetLoyaltyAccount.Input) async throws
        -> Operations.GetLoyaltyAccount.Output
    {
        let loyalty = try programme()
        try await knownCustomer(input.path.id)
        let account = try await read { try await loyalty.account(of: input.path.id, now: now()) }
        return .ok(.init(body: .json(account.api(currency: loyalty.currency))))
    }

    func getLoyaltyHistory(_ input: Operations.GetLoyaltyHistory.Input) async throws
        -> Operations.GetLoyaltyHistory.Output
    {
        _ = try programme()
        try await knownCustomer(input.path.id)
        let (after, limit) = try Self.listQuery(cursor: input.query.cursor, limit: input.query.limit)
        var before: Int?
        if let after {
            guard let sequence = Int(after), sequence >= 0 else {
                throw APIProblem.badRequest(
                    "cursor is not one this server gave.", errors: [.init(pointer: "cursor", detail: "is not a valid cursor")])
            }
            before = sequence
        }
        let page = try await read {
            try await store.ledgerHistory(LedgerHistoryQuery(customer: input.path.id, before: before, limit: limit))
        }
        return .ok(
            .init(
                body: .json(
                    .init(items: page.entries.map(\.api), nextCursor: Self.cursor(page.nextBefore.map(String.init))))))
    }

    func redeemLoyaltyReward(_ input: Operations.RedeemLoyaltyReward.Input) async throws
        -> Operations.RedeemLoyaltyReward.Output
    {
        let loyalty = try programme()
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        try await knownCustomer(input.path.id)
        let outcome = try await read {
            try await loyalty.redeem(customer: input.path.id, rewardID: body.rewardId, now: now())
        }
        switch outcome {
        case .redeemed(let code, let available):
            return .created(.init(body: .json(code.api(available: available))))
        case .unaffordable(let cost, let spendable):
            throw APIProblem(
                status: .conflict, slug: "insufficient-points", title: "Not enough points",
                detail: "The reward costs \(cost) points; \(spendable) are spendable, \(cost - spendable) short.",
                errors: [.init(pointer: "/reward_id", detail: "needs \(cost - spendable) more points")])
        case .limitReached(let limit):
            throw APIProblem(
                status: .conflict, slug: "limit-reached", title: "Reward limit reached",
                detail: "This reward may be redeemed \(limit.count) times per \(limit.period.rawValue); that is reached.",
                errors: [.init(pointer: "/reward_id", detail: "limit reached")])
        case .unknownReward:
            throw APIProblem.unprocessable(
                slug: "unknown-reward", title: "Unknown reward",
                detail: "No reward with this reward_id in the catalogue (GET /api/v1/loyalty/rewards)."
            ).with(errors: [.init(pointer: "/reward_id", detail: "is not in the catalogue")])
        case .codesExhausted:
            throw APIProblem(
                status: .conflict, slug: "codes-exhausted", title: "No code left",
                detail: "The reward's code pattern found no unused code; widen the pattern.")
        }
    }

    func adjustLoyaltyPoints(_ input: Operations.AdjustLoyaltyPoints.Input) async throws
        -> Operations.AdjustLoyaltyPoints.Output
    {
        let loyalty = try programme()
        guard let key = APIKeyMiddleware.current, key.scopes.allows(.admin) else {
            throw APIProblem.forbidden("Manual adjustments need an API key with the admin scope.")
        }
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        guard body.points != 0 else {
            throw APIProblem.invalid([.init(pointer: "/points", detail: "must not be 0")])
        }
        let customer = input.path.id
        let sourceKey = body.key ?? UUID().uuidString
        let outcome = try await read {
            try await loyalty.adjust(
                customer: customer, points: body.points, reason: body.reason, key: sourceKey, admin: key.name,
                now: now())
        }
        switch outcome {
        case .applied(let applied, let available):
            return .created(
                .init(
                    body: .json(
                        .init(
                            customerId: customer, key: sourceKey, points: body.points, admin: key.name, applied: applied,
                            available: available))))
        case .insufficient(let requested, let spendable):
            throw APIProblem(
                status: .conflict, slug: "insufficient-points", title: "Not enough points",
                detail: "Cannot take \(requested) points; \(spendable) are spendable, \(requested - spendable) short.",
                errors: [.init(pointer: "/points", detail: "at most \(spendable) can be taken")])
        }
    }

    func getLoyaltyReferral(_ input: Operations.GetLoyaltyReferral.Input) async throws
        -> Operations.GetLoyaltyReferral.Output
    {
        let loyalty = try programme()
        try await knownCustomer(input.path.id)
        guard let code = loyalty.referralCode(of: input.path.id), let link = loyalty.referralLink(of: input.path.id)
        else { throw APIProblem.notFound("The loyalty programme has no referrals.") }
        return .ok(.init(body: .json(.init(customerId: input.path.id, code: code, url: link.absoluteString))))
    }

    func createLoyaltyPageLink(_ input: Operations.CreateLoyaltyPageLink.Input) async throws
        -> Operations.CreateLoyaltyPageLink.Output
    {
        _ = try programme()
        try await knownCustomer(input.path.id)
        var days = 30
        if case .json(let body) = input.body, let asked = body.days { days = asked }
        guard (1...365).contains(days) else {
            throw APIProblem.badRequest("days must be 1–365.", errors: [.init(pointer: "/days", detail: "must be 1–365")])
        }
        let expiresAt = now().addingTimeInterval(Double(days) * 86_400)
        let link = CustomerLink(purpose: .loyalty, customer: input.path.id, expiresAt: expiresAt)
        let url = LoyaltyPageRoutes.url(base: baseURL, token: linkSigner.token(for: link))
        return .created(.init(body: .json(.init(url: url.absoluteString, expiresAt: link.expiresAt))))
    }

    func attributeLoyaltyReferral(_ input: Operations.AttributeLoyaltyReferral.Input) async throws
        -> Operations.AttributeLoyaltyReferral.Output
    {
        let loyalty = try programme()
        try await knownCustomer(input.path.id)
        guard case .json(let body) = input.body else { throw APIProblem.badRequest("Send JSON.") }
        let friend = input.path.id
        let outcome = try await read {
            try await loyalty.attributeReferral(
                friend: friend, code: body.code,
                identity: ReferralIdentity(email: body.email, address: body.address, paymentFingerprint: body.paymentFingerprint),
                referrerIdentity: ReferralIdentity(
                    address: body.referrerAddress, paymentFingerprint: body.referrerPaymentFingerprint),
                at: body.signedUpAt ?? now())
        }
        let (referrer, status, reason): (String, String, String?)
        switch outcome {
        case .signedUp(let by): (referrer, status, reason) = (by, "signed_up", nil)
        case .alreadyReferred(let by): (referrer, status, reason) = (by, "already_referred", nil)
        case .rejected(let by, let why): (referrer, status, reason) = (by, "rejected", why.rawValue)
        case .unknownCode:
            throw APIProblem.notFound("No customer has this referral code.")
        case .existingCustomer:
            throw APIProblem(
                status: .conflict, slug: "existing-customer", title: "Not a new customer",
                detail: "The customer ordered before signing up with the code; referrals reward new customers.")
        }
        return .created(
            .init(
                body: .json(
                    .init(customerId: friend, referrerId: referrer, status: .init(rawValue: status)!, reason: reason))))
    }
}
