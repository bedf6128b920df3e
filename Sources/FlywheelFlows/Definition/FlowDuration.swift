/// A signed span of time written as an ISO 8601 duration in flow files: `P14D`, `PT2H`, `P1DT12H`, `-P1D`,
/// `P2W`. Days are 24 hours (calendar-exact points in time use `until_time` / `until_date` waits); years and
/// months are refused because their length varies.
public struct FlowDuration: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whole seconds; negative for an offset before a date.
    public let seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static func days(_ n: Int) -> FlowDuration { FlowDuration(seconds: n * 86_400) }
    public static func hours(_ n: Int) -> FlowDuration { FlowDuration(seconds: n * 3_600) }
    public static func minutes(_ n: Int) -> FlowDuration { FlowDuration(seconds: n * 60) }

    /// Parses the ISO 8601 subset above; `nil` for anything else.
    public init?(iso text: String) {
        var chars = Substring(text)
        var sign = 1
        if chars.first == "-" {
            sign = -1
            chars = chars.dropFirst()
        }
        guard chars.first == "P", chars.count > 1 else { return nil }
        chars = chars.dropFirst()
        var total = 0
        var number = 0
        var haveDigits = false
        var inTime = false
        var sawComponent = false
        for c in chars {
            if let digit = c.wholeNumberValue, c.isASCII {
                number = number * 10 + digit
                haveDigits = true
                guard number < 1_000_000 else { return nil }
                continue
            }
            if c == "T" {
                guard !inTime, !haveDigits else { return nil }
                inTime = true
                continue
            }
            guard haveDigits else { return nil }
            let unit: Int
            switch (c, inTime) {
            case ("W", false): unit = 7 * 86_400
            case ("D", false): unit = 86_400
            case ("H", true): unit = 3_600
            case ("M", true): unit = 60
            case ("S", true): unit = 1
            default: return nil
            }
            total += number * unit
            number = 0
            haveDigits = false
            sawComponent = true
        }
        guard sawComponent, !haveDigits else { return nil }
        seconds = sign * total
    }

    /// The canonical ISO 8601 form (`P1DT2H`, `-PT30M`, `PT0S`).
    public var description: String {
        var rest = abs(seconds)
        let days = rest / 86_400
        rest %= 86_400
        let hours = rest / 3_600
        rest %= 3_600
        let minutes = rest / 60
        let secs = rest % 60
        var text = seconds < 0 ? "-P" : "P"
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 || secs > 0 || days == 0 { text += "T" }
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if secs > 0 || (days == 0 && hours == 0 && minutes == 0) { text += "\(secs)S" }
        return text
    }

    public static func < (lhs: FlowDuration, rhs: FlowDuration) -> Bool { lhs.seconds < rhs.seconds }
}

extension FlowDuration: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let duration = FlowDuration(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected an ISO 8601 duration such as P14D, PT2H or -P1D")
        }
        self = duration
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
