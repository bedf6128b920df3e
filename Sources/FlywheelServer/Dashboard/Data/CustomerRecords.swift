import FlywheelCore

/// One customer and the records their dashboard timeline is made of, read from the store (the newest 100
/// orders' refunds, shipments and returns).
struct CustomerRecords {
    var customer: Customer
    var orders: [Order] = []
    var refunds: [Refund] = []
    var shipments: [Shipment] = []
    var returns: [ReturnRequest] = []
    var answers: [SurveyAnswer] = []
    var reviews: [Review] = []

    static func read(_ customer: Customer, from store: any FlywheelStore) async throws -> CustomerRecords {
        var records = CustomerRecords(customer: customer)
        records.orders = try await store.orders(customerExternalID: customer.externalID)
        for order in records.orders.suffix(100) {
            records.refunds += try await store.refunds(orderExternalID: order.externalID)
            records.shipments += try await store.shipments(orderExternalID: order.externalID)
            records.returns += try await store.returns(orderExternalID: order.externalID)
        }
        records.answers = try await store.surveyAnswers(customerExternalID: customer.externalID)
        records.reviews = try await store.reviews(customerExternalID: customer.externalID)
        return records
    }
}
