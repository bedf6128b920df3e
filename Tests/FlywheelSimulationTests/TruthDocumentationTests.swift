import FlywheelCore
import FlywheelSimulation
import Foundation
import Testing

@Suite("True parameters")
struct TruthDocumentationTests {
    static let truth = ShopSimulator(config: SimulationConfig(customers: 10, seed: 1)).truth

    /// The table rows of `docs/simulation.md` whose first cell is `` `key` ``, as number cells.
    static func documentedRows() throws -> [String: [Double]] {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/simulation.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        var rows: [String: [Double]] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            let key = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            rows[key] = cells.dropFirst().compactMap { Double($0.replacingOccurrences(of: "\u{202F}", with: "")) }
        }
        return rows
    }

    @Test("the BG/NBD and Gamma-Gamma parameters in docs/simulation.md are the ones simulated")
    func segmentsAreDocumented() throws {
        let rows = try Self.documentedRows()
        for segment in CustomerSegment.allCases {
            let truth = Self.truth.parameters(for: segment)
            let expected = [
                truth.purchase.r, truth.purchase.alpha, truth.purchase.a, truth.purchase.b, truth.spend.p,
                truth.spend.q,
                truth.spend.gamma,
            ]
            #expect(Array(rows[segment.rawValue, default: []].prefix(7)) == expected, "segment \(segment)")
        }
    }

    @Test("the other documented probabilities and amounts are the ones simulated")
    func constantsAreDocumented() throws {
        let rows = try Self.documentedRows()
        let truth = Self.truth
        let values: [String: Double] = [
            "germanShare": truth.germanShare,
            "cancelledDuplicateProbability": truth.cancelledDuplicateProbability,
            "npsResponseProbability": truth.npsResponseProbability,
            "csatResponseProbability": truth.csatResponseProbability,
            "reviewProbability": truth.reviewProbability,
            "shippingMinor": Double(truth.shippingMinor),
            "freeShippingFromMinor": Double(truth.freeShippingFromMinor),
            "vatPercent": Double(truth.vatPercent),
            "purchaseTimeUnitDays": Double(truth.purchaseTimeUnitDays),
        ]
        for (key, value) in values {
            #expect(rows[key]?.first == value, "\(key)")
        }
        for (channel, cost) in truth.targetCostPerAcquisitionMinor {
            #expect(rows["cac:" + channel]?.first == Double(cost), "\(channel)")
        }
        for (channel, share) in truth.regularChannelShares {
            #expect(rows["channel:" + channel] == [share, truth.saleChannelShares[channel]!], "\(channel)")
        }
    }

    @Test("the simulated period is the two years up to the end date, with its sales")
    func period() {
        let truth = Self.truth
        #expect(truth.lastDay == SimulationConfig.defaultEndDate)
        #expect(truth.firstDay == CivilDate(year: 2024, month: 11, day: 1))
        #expect(
            truth.salePeriods.map(\.code) == [
                "BLACKWEEK20", "SOMMER15", "KAFFEETAG10", "BLACKWEEK20", "SOMMER15", "KAFFEETAG10",
            ])
        #expect(truth.salePeriods[0].firstDay == CivilDate(year: 2024, month: 11, day: 29))
        #expect((0.07...0.14).contains(truth.expectedSaleAcquiredShare))
        #expect(truth.regular.purchase.meanPurchaseRatePerWeek == 1.8 / 4.8)
        #expect(truth.regular.spend.meanOrderValue == 44)
    }
}
