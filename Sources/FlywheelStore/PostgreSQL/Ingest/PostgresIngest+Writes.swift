import FlywheelCore
import PostgresNIO

extension PostgresIngest {
    /// The row ids the batch drew for its new customers and orders, and how references resolve to row ids.
    struct DrawnIDs: Sendable {
        let customers: [Int64]
        let orders: [Int64]

        /// The row id of a customer reference (see `CustomerState.ref`).
        func customer(_ ref: Int64) -> Int64 { ref >= 0 ? ref : customers[Int(-ref - 1)] }
        /// The row id of an order reference.
        func order(_ ref: Int64) -> Int64 { ref >= 0 ? ref : orders[Int(-ref - 1)] }
    }

    /// Writes what the batch changed, parents first, a statement or two per table; returns the ids drawn.
    mutating func write() async throws -> DrawnIDs {
        let ids = try await drawIDs()
        try await writeCustomers(ids)
        var productRows = ProductColumns()
        for (product, hash) in products.writes { productRows.append(product, hash: hash) }
        if !productRows.isEmpty { try await run(productRows.upsert) }
        try await writeOrders(ids)

        func orderID(_ key: String) -> Int64 { ids.order(orders[key]!.ref) }
        var refundRows = RefundColumns()
        for (refund, hash) in refunds.writes {
            refundRows.append(refund, orderID: orderID(refund.orderExternalID), hash: hash)
        }
        if !refundRows.isEmpty { try await run(refundRows.upsert) }
        var shipmentRows = ShipmentColumns()
        for (shipment, hash) in shipments.writes {
            shipmentRows.append(shipment, orderID: orderID(shipment.orderExternalID), hash: hash)
        }
        if !shipmentRows.isEmpty { try await run(shipmentRows.upsert) }
        var returnRows = ReturnColumns()
        for (item, hash) in returns.writes {
            returnRows.append(item, orderID: orderID(item.orderExternalID), hash: hash)
        }
        if !returnRows.isEmpty { try await run(returnRows.upsert) }
        var spendRows = MarketingSpendColumns()
        for (spend, _) in marketingSpend.writes { spendRows.append(spend) }
        if !spendRows.isEmpty { try await run(spendRows.upsert) }

        func customerID(_ key: String) -> Int64 { ids.customer(customers[key]!.ref) }
        var answerRows = SurveyAnswerColumns()
        for (answer, hash) in surveyAnswers.writes {
            answerRows.append(
                answer, customerID: customerID(answer.customerExternalID),
                orderID: answer.orderExternalID.map(orderID), hash: hash)
        }
        if !answerRows.isEmpty { try await run(answerRows.upsert) }
        var reviewRows = ReviewColumns()
        for (review, hash) in reviews.writes {
            reviewRows.append(
                review, customerID: customerID(review.customerExternalID),
                orderID: review.orderExternalID.map(orderID), hash: hash)
        }
        if !reviewRows.isEmpty { try await run(reviewRows.upsert) }
        var checkoutRows = CheckoutColumns()
        for (checkout, hash) in checkouts.writes { try checkoutRows.append(checkout, hash: hash) }
        if !checkoutRows.isEmpty { try await run(checkoutRows.upsert) }
        return ids
    }

    /// Draws row ids for the new customers and orders from their identity sequences, in one statement.
    /// Sequences never hand out an id twice, whatever other batches do; a batch rolled back leaves a gap.
    private func drawIDs() async throws -> DrawnIDs {
        guard !newCustomers.isEmpty || !newOrders.isEmpty else { return DrawnIDs(customers: [], orders: []) }
        let query: PostgresQuery = """
            SELECT
                (SELECT array_agg(nextval('customers_id_seq')) FROM generate_series(1, \(newCustomers.count))),
                (SELECT array_agg(nextval('orders_id_seq')) FROM generate_series(1, \(newOrders.count)))
            """
        guard let row = try await rows(query).first else {
            throw PostgresStoreError.unreadableValue(table: "customers", column: "id")
        }
        let (customerIDs, orderIDs) = try row.decode(([Int64]?, [Int64]?).self)
        guard customerIDs?.count ?? 0 == newCustomers.count, orderIDs?.count ?? 0 == newOrders.count else {
            throw PostgresStoreError.unreadableValue(table: "customers", column: "id")
        }
        return DrawnIDs(customers: customerIDs ?? [], orders: orderIDs ?? [])
    }

    /// Inserts the new customers and rewrites the stored ones the batch changed.
    private func writeCustomers(_ ids: DrawnIDs) async throws {
        var inserts = CustomerColumns()
        for key in newCustomers {
            guard let state = customers[key], let record = state.record else { continue }
            inserts.append(record, id: ids.customer(state.ref), hash: state.hash)
        }
        if !inserts.isEmpty { try await run(inserts.insert) }
        var updates = CustomerColumns()
        for key in touchedStoredCustomers {
            guard let state = customers[key], let record = state.record, state.hash != state.storedHash else {
                continue
            }
            updates.append(record, id: state.ref, hash: state.hash)
        }
        if !updates.isEmpty { try await run(updates.update) }
    }

    /// Inserts the new orders, rewrites the stored ones the batch changed, and writes the lines and discounts
    /// of both (replacing those of the changed ones).
    private func writeOrders(_ ids: DrawnIDs) async throws {
        var inserts = OrderColumns()
        var updates = OrderColumns()
        var parts = OrderPartColumns()
        for key in batchOrders {
            guard let state = orders[key], let order = state.order, state.hash != state.storedHash else { continue }
            let id = ids.order(state.ref)
            let customerID = state.customerRef.map(ids.customer)
            if state.storedHash == nil {
                inserts.append(order, id: id, customerID: customerID, hash: state.hash)
            } else {
                updates.append(order, id: id, customerID: customerID, hash: state.hash)
            }
            parts.append(partsOf: order, orderID: id)
        }
        if !inserts.isEmpty { try await run(inserts.insert) }
        if !updates.isEmpty {
            try await run(updates.update)
            try await run("DELETE FROM order_lines WHERE order_id = ANY(\(updates.ids)::bigint[])")
            try await run("DELETE FROM order_discounts WHERE order_id = ANY(\(updates.ids)::bigint[])")
        }
        if let lines = parts.insertLines { try await run(lines) }
        if let discounts = parts.insertDiscounts { try await run(discounts) }
    }

    private func run(_ query: PostgresQuery) async throws {
        try await connection.run(query, logger: logger)
    }
}
