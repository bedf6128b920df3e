/// A parcel carrier: its share of shipments, its transit time, and the shape of its tracking numbers.
struct Carrier: Sendable {
    enum TrackingFormat: Sendable {
        /// `prefix` followed by `digits` random digits.
        case digits(prefix: String, digits: Int)
        /// UPS: `1Z`, six letters or digits, `68`, eight digits.
        case ups
    }

    var name: String
    var share: Double
    /// Median days from hand-over to delivery (log-normal).
    var transitMedianDays: Double
    var transitSigma: Double
    var tracking: TrackingFormat

    static let all: [Carrier] = [
        Carrier(
            name: "DHL", share: 0.50, transitMedianDays: 1.5, transitSigma: 0.45,
            tracking: .digits(prefix: "00340434", digits: 12)),
        Carrier(
            name: "DPD", share: 0.20, transitMedianDays: 1.4, transitSigma: 0.40,
            tracking: .digits(prefix: "0", digits: 13)),
        Carrier(
            name: "Hermes", share: 0.18, transitMedianDays: 2.1, transitSigma: 0.50,
            tracking: .digits(prefix: "H", digits: 15)),
        Carrier(name: "UPS", share: 0.12, transitMedianDays: 1.2, transitSigma: 0.35, tracking: .ups),
    ]

    /// Cumulative shares, for drawing a carrier.
    static let cumulativeShares: [Double] = {
        var sum = 0.0
        return all.map {
            sum += $0.share
            return sum
        }
    }()

    /// A tracking number in the carrier's format.
    func trackingNumber(_ random: inout RandomSource) -> String {
        switch tracking {
        case .digits(let prefix, let count):
            var text = prefix
            for _ in 0..<count { text.append(Character(Unicode.Scalar(UInt8(48 + random.below(10))))) }
            return text
        case .ups:
            let alphabet = Array("0123456789ABCDEFGHJKLMNPRSTUVWXY")
            var text = "1Z"
            for _ in 0..<6 { text.append(alphabet[random.below(alphabet.count)]) }
            text += "68"
            for _ in 0..<8 { text.append(Character(Unicode.Scalar(UInt8(48 + random.below(10))))) }
            return text
        }
    }
}
