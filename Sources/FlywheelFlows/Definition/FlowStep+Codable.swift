extension FlowStep: Codable {
    enum Keys: String, CodingKey, CaseIterable {
        case id, next, then, `else`
        case wait, condition, split
        case sendEmail = "send_email"
        case sendSMS = "send_sms"
        case givePoints = "give_points"
        case issueCoupon = "issue_coupon"
        case tagCustomer = "tag_customer"
        case openTicket = "open_ticket"
        case callWebhook = "call_webhook"
    }

    static let kindKeys: [Keys] = [
        .wait, .condition, .split, .sendEmail, .sendSMS, .givePoints, .issueCoupon, .tagCustomer, .openTicket,
        .callWebhook,
    ]

    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(Keys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .id)
        let present = FlowStep.kindKeys.filter { c.contains($0) }
        guard present.count == 1, let key = present.first else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: present.isEmpty
                        ? "a step needs one of \(FlowStep.kindKeys.map(\.rawValue).joined(separator: ", "))"
                        : "a step does one thing; found \(present.map(\.rawValue).joined(separator: " and "))"))
        }
        next = try c.decodeIfPresent(String.self, forKey: .next)
        if key != .condition {
            for branchKey in [Keys.then, .else] where c.contains(branchKey) {
                throw DecodingError.dataCorruptedError(
                    forKey: branchKey, in: c, debugDescription: "only condition steps have then/else")
            }
        }
        switch key {
        case .wait: kind = .wait(try c.decode(WaitSpec.self, forKey: .wait))
        case .condition:
            kind = .condition(
                try c.decode(Condition.self, forKey: .condition),
                then: try c.decodeIfPresent(String.self, forKey: .then),
                else: try c.decodeIfPresent(String.self, forKey: .else))
        case .split: kind = .split(try c.decode([SplitVariant].self, forKey: .split))
        case .sendEmail: kind = .send(try MessageSpec(channel: .email, from: try c.superDecoder(forKey: .sendEmail)))
        case .sendSMS: kind = .send(try MessageSpec(channel: .sms, from: try c.superDecoder(forKey: .sendSMS)))
        case .givePoints: kind = .givePoints(try c.decode(PointsSpec.self, forKey: .givePoints))
        case .issueCoupon: kind = .issueCoupon(try c.decode(CouponSpec.self, forKey: .issueCoupon))
        case .tagCustomer:
            let nested = try c.superDecoder(forKey: .tagCustomer)
            try KeyCheck.rejectUnknown(in: nested, allowed: ["tag"])
            kind = .tagCustomer(
                try nested.container(keyedBy: AnyKey.self).decode(String.self, forKey: AnyKey(stringValue: "tag")))
        case .openTicket: kind = .openTicket(try c.decode(TicketSpec.self, forKey: .openTicket))
        case .callWebhook: kind = .callWebhook(try c.decode(WebhookSpec.self, forKey: .callWebhook))
        default: fatalError("unreachable: \(key) is not a step kind")
        }
        if kind.branches, c.contains(.next) {
            throw DecodingError.dataCorruptedError(
                forKey: .next, in: c, debugDescription: "\(kind.key) steps branch themselves; next is not allowed")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        switch kind {
        case .wait(let spec): try c.encode(spec, forKey: .wait)
        case .condition(let condition, let then, let otherwise):
            try c.encode(condition, forKey: .condition)
            try c.encodeIfPresent(then, forKey: .then)
            try c.encodeIfPresent(otherwise, forKey: .else)
        case .split(let variants): try c.encode(variants, forKey: .split)
        case .send(let spec):
            try spec.encode(to: c.superEncoder(forKey: spec.channel == .email ? .sendEmail : .sendSMS))
        case .givePoints(let spec): try c.encode(spec, forKey: .givePoints)
        case .issueCoupon(let spec): try c.encode(spec, forKey: .issueCoupon)
        case .tagCustomer(let tag): try c.encode(["tag": tag], forKey: .tagCustomer)
        case .openTicket(let spec): try c.encode(spec, forKey: .openTicket)
        case .callWebhook(let spec): try c.encode(spec, forKey: .callWebhook)
        }
        try c.encodeIfPresent(next, forKey: .next)
    }
}
