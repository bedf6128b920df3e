import FlywheelCore
import FlywheelStore
import Foundation
import GRDB
import Testing

@Suite("SQLite store: erasure")
struct SQLiteErasureTests {
    @Test("after erasure no row of any table, and no byte of the file, holds the customer's e-mail, name or IP")
    func noTraceLeft() async throws {
        try await TemporaryDirectory.with { directory in
            let path = directory.path("flywheel.sqlite")
            let store = try SQLiteStore(path: path)
            try await store.migrate()
            let email = "Marta.Kowalczyk@example.pl"
            let traces = ["marta.kowalczyk@example.pl", "Marta", "Kowalczyk", "198.51.100.99", "JJD0099887766", "Martas own words"]
            let placed = Date(timeIntervalSince1970: 1_704_067_200)
            _ = try await store.ingest(
                IngestBatch(
                    customers: [Customer(externalID: "c1", email: email, firstName: "Marta", lastName: "Kowalczyk", locale: .de)],
                    orders: [SQLiteStoreTests.order("o1", customer: "c1", seconds: 0)],
                    shipments: [
                        Shipment(
                            externalID: "s1", orderExternalID: "o1", carrier: "DHL", trackingNumber: "JJD0099887766",
                            shippedAt: placed)
                    ],
                    returns: [
                        ReturnRequest(
                            externalID: "ret1", orderExternalID: "o1", requestedAt: placed + 86_400, reason: "Martas own words",
                            status: .requested, quantity: 1)
                    ],
                    reviews: [
                        Review(
                            externalID: "rv1", customerExternalID: "c1", sku: "SKU-1", rating: 5, title: "Marta",
                            body: "Martas own words", hasPhoto: false, createdAt: placed + 86_400)
                    ]))
            _ = try await store.recordConsentChange(
                ConsentChange(
                    customerExternalID: "c1", channel: .email, state: .pending, source: .api, changedAt: placed,
                    proof: OptInProof(requestSource: "checkout", requestIP: "198.51.100.99")),
                suppression: .add(
                    SuppressionEntry(
                        channel: .email, addressHash: "digest-1", address: email, cause: .unsubscribed, source: .oneClick,
                        suppressedAt: placed)))
            let before = try SQLiteStoreTests.dump(path).joined(separator: "\n")
            for trace in traces { #expect(before.lowercased().contains(trace.lowercased()), "\(trace)") }

            try await store.eraseCustomer(
                CustomerErasure(
                    customerExternalID: "c1", pseudonym: "erased-0001",
                    suppressions: [
                        SuppressionEntry(
                            channel: .email, addressHash: "digest-1", address: nil, cause: .erased, source: .erasure,
                            suppressedAt: placed + 100)
                    ], erasedAt: placed + 100))
            let after = try SQLiteStoreTests.dump(path).joined(separator: "\n")
            for trace in traces { #expect(!after.lowercased().contains(trace.lowercased()), "\(trace)") }
            #expect(after.contains("erased-0001"))
            #expect(after.contains("digest-1"))
            try store.close()

            // Nor the file's bytes (secure_delete zeroes freed space; the log was truncated).
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.url.path) {
                let bytes = try Data(contentsOf: directory.url.appendingPathComponent(name))
                for trace in ["marta.kowalczyk@example.pl", "Marta.Kowalczyk@example.pl", "198.51.100.99", "JJD0099887766"] {
                    #expect(bytes.range(of: Data(trace.utf8)) == nil, "\(name): \(trace)")
                }
            }
        }
    }
}
