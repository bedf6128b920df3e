import FlywheelCore

extension FlowDefinition: Codable {
    enum Keys: String, CodingKey, CaseIterable {
        case id, name, version
        case messageClass = "message_class"
        case priority
        case expectedValueMinor = "expected_value_minor"
        case trigger, reentry
        case holdoutPercent = "holdout_percent"
        case winBack = "win_back"
        case locales, steps, goals
    }

    /// Strict decoding: the first problem throws. `FlowDocument.parse` collects every problem instead.
    public init(from decoder: any Decoder) throws {
        try KeyCheck.rejectUnknown(in: decoder, allowed: Set(Keys.allCases.map(\.rawValue)))
        let c = try decoder.container(keyedBy: Keys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        version = try c.decode(Int.self, forKey: .version)
        messageClass = try c.decode(MessageClass.self, forKey: .messageClass)
        priority = try c.decodeIfPresent(Int.self, forKey: .priority) ?? 50
        expectedValueMinor = try c.decodeIfPresent(Int64.self, forKey: .expectedValueMinor) ?? 0
        trigger = try c.decode(EventPattern.self, forKey: .trigger)
        reentry = try c.decodeIfPresent(ReentryRule.self, forKey: .reentry) ?? .notWhileActive
        holdoutPercent = try c.decodeIfPresent(Double.self, forKey: .holdoutPercent) ?? 0
        winBack = try c.decodeIfPresent(Bool.self, forKey: .winBack) ?? false
        locales = try FlowDefinition.decodeLocales(c)
        steps = try c.decode([FlowStep].self, forKey: .steps)
        goals = try c.decodeIfPresent([EventPattern].self, forKey: .goals) ?? []
    }

    static func decodeLocales(_ c: KeyedDecodingContainer<Keys>) throws -> [ShopLocale] {
        guard let codes = try c.decodeIfPresent([String].self, forKey: .locales) else { return [.de, .en] }
        return try codes.map { code in
            guard let locale = ShopLocale(rawValue: code) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .locales, in: c, debugDescription: "unknown locale; use de or en")
            }
            return locale
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(version, forKey: .version)
        try c.encode(messageClass, forKey: .messageClass)
        try c.encode(priority, forKey: .priority)
        try c.encode(expectedValueMinor, forKey: .expectedValueMinor)
        try c.encode(trigger, forKey: .trigger)
        try c.encode(reentry, forKey: .reentry)
        try c.encode(holdoutPercent, forKey: .holdoutPercent)
        if winBack { try c.encode(true, forKey: .winBack) }
        try c.encode(locales.map(\.rawValue), forKey: .locales)
        try c.encode(steps, forKey: .steps)
        if !goals.isEmpty { try c.encode(goals, forKey: .goals) }
    }
}
