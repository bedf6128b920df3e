import Foundation
import FlywheelCore

/// The plain order-history CSV: a header with `customer_id`, `date` or `datetime`, `amount`, and optionally
/// `order_id`, `currency`, `email`, `sku`, `quantity`, `channel` (any order, any case).
///
/// Each row is one line item. Adjacent rows with the same `order_id` are one order (its subtotal and total
/// are the sum of their amounts); rows without an `order_id` are one order each, keyed
/// `csv:<customer_id>:<Unix seconds>:<n>` where n counts the rows of that customer at that time, in file order.
struct PlainCSVFormat: FormatReader {
    let defaultCurrency: CurrencyCode
    let calendar: ShopCalendar
    let now: Date
    var layout: RecordLayout { .csv }

    struct Columns {
        var customer = 0
        var date = 0
        var dateName = "date"
        var amount = 0
        var orderID: Int?
        var currency: Int?
        var email: Int?
        var sku: Int?
        var quantity: Int?
        var channel: Int?
        var count = 0
    }

    private(set) var columns = Columns()
    private var pendingKey: String?
    private var pending: IngestBatch?
    private var pendingRows = 0
    private var pendingLine = 0
    private var pendingEnd: (offset: Int64, line: Int) = (0, 1)
    private var pendingFailure: RowRejection?
    /// For rows without order id: the last customer and time, and how many rows had them.
    private var lastAnonymous: (customer: String, time: Int64, n: Int)?

    init(defaultCurrency: CurrencyCode, calendar: ShopCalendar, now: Date) {
        self.defaultCurrency = defaultCurrency
        self.calendar = calendar
        self.now = now
    }

    mutating func readHeader(_ record: Record) throws(ImportFileError) -> Bool {
        let map = try ColumnMap(header: record)
        let date = map.index("datetime", "date", "created at", "placed at")
        try map.require([
            ("customer_id", map.index("customer_id", "customer") != nil), ("date or datetime", date != nil),
            ("amount", map.index("amount", "total") != nil),
        ])
        columns.customer = map.index("customer_id", "customer")!
        columns.date = date!
        columns.dateName = map.headerNames[date!]
        columns.amount = map.index("amount", "total")!
        columns.orderID = map.index("order_id", "order")
        columns.currency = map.index("currency")
        columns.email = map.index("email")
        columns.sku = map.index("sku")
        columns.quantity = map.index("quantity", "qty")
        columns.channel = map.index("channel", "source")
        columns.count = record.count
        return true
    }

    mutating func consume(_ record: Record, emit: (ImportUnit) -> Void) {
        let fields = FieldParsing(record: record, calendar: calendar)
        let c = columns
        // Read the row; a bad row spoils its whole order.
        let row: Row
        do throws(RowRejection) {
            if let malformation = record.malformation { throw fields.reject("row", malformation) }
            guard record.count == c.count else {
                throw fields.reject("row", "expected \(c.count) columns as in the header, found \(record.count)")
            }
            row = try readRow(fields)
        } catch {
            let orderID = try? fields.text(c.orderID, "order_id")
            if let orderID, orderID == pendingKey {
                pendingFailure = pendingFailure ?? error
                pendingRows += 1
                pendingEnd = (record.endOffset, record.nextLine)
            } else {
                flush(emit: emit)
                if let orderID {
                    // Start the spoiled order, so its further rows are rejected with it.
                    pendingKey = orderID
                    pending = IngestBatch()
                    pendingFailure = error
                    pendingRows = 1
                    pendingLine = record.line
                    pendingEnd = (record.endOffset, record.nextLine)
                } else {
                    emit(ImportUnit(content: .rejected(error), firstLine: record.line, rows: 1, endOffset: record.endOffset, nextLine: record.nextLine))
                }
            }
            return
        }

        if let orderID = row.orderID, orderID == pendingKey, var batch = pending, pendingFailure == nil {
            var order = batch.orders[0]
            if order.customerExternalID != row.customer {
                pendingFailure = fields.reject("customer_id", "differs from the earlier rows of order \(orderID)")
            } else if order.currency != row.currency {
                pendingFailure = fields.reject("currency", "differs from the earlier rows of order \(orderID)")
            } else {
                order.lineItems.append(row.line)
                order.subtotalMinor += row.line.totalMinor
                order.totalMinor += row.line.totalMinor
                batch.orders[0] = order
                pending = batch
            }
            pendingRows += 1
            pendingEnd = (record.endOffset, record.nextLine)
            return
        }
        if let orderID = row.orderID, orderID == pendingKey {
            pendingRows += 1  // further row of an order already rejected
            pendingEnd = (record.endOffset, record.nextLine)
            return
        }
        flush(emit: emit)
        let externalID: String
        if let orderID = row.orderID {
            externalID = orderID
        } else {
            let seconds = Int64(row.placedAt.timeIntervalSince1970)
            var n = 1
            if let last = lastAnonymous, last.customer == row.customer, last.time == seconds { n = last.n + 1 }
            lastAnonymous = (row.customer, seconds, n)
            externalID = "csv:\(row.customer):\(seconds):\(n)"
        }
        var batch = IngestBatch()
        if let email = row.email {
            batch.customers.append(Customer(externalID: row.customer, email: email, createdAt: row.placedAt))
        }
        batch.orders.append(
            Order(
                externalID: externalID, customerExternalID: row.customer, placedAt: row.placedAt, channel: row.channel,
                currency: row.currency, lineItems: [row.line], subtotalMinor: row.line.totalMinor,
                totalMinor: row.line.totalMinor))
        pendingKey = row.orderID
        pending = batch
        pendingRows = 1
        pendingLine = record.line
        pendingEnd = (record.endOffset, record.nextLine)
        if row.orderID == nil { flush(emit: emit) }
    }

    mutating func finish(emit: (ImportUnit) -> Void) { flush(emit: emit) }

    private struct Row {
        var orderID: String?
        var customer: String
        var placedAt: Date
        var currency: CurrencyCode
        var email: String?
        var channel: String?
        var line: LineItem
    }

    private func readRow(_ fields: FieldParsing) throws(RowRejection) -> Row {
        let c = columns
        let customer = try fields.requiredText(c.customer, "customer_id")
        guard let placedAt = try fields.instant(c.date, columns.dateName) else { throw fields.reject(c.dateName, "is empty") }
        var currency = defaultCurrency
        if let code = try fields.text(c.currency, "currency") {
            guard let known = CurrencyCode(code.uppercased()) else {
                throw fields.reject("currency", "is not an ISO 4217 currency code such as EUR or USD")
            }
            currency = known
        }
        let amount = try fields.amount(c.amount, "amount", digits: currency.minorUnitDigits) ?? 0
        let quantity = try fields.integer(c.quantity, "quantity", in: 1...100_000, default: 1)
        let email = try fields.text(c.email, "email")
        if let email, !Customer(externalID: customer, email: email).isEmailPlausible {
            throw fields.reject("email", "is not a valid e-mail address")
        }
        return Row(
            orderID: try fields.text(c.orderID, "order_id"), customer: customer, placedAt: placedAt, currency: currency,
            email: email?.lowercased(), channel: try fields.text(c.channel, "channel"),
            line: LineItem(sku: try fields.text(c.sku, "sku"), quantity: quantity, totalMinor: amount))
    }

    private mutating func flush(emit: (ImportUnit) -> Void) {
        guard pendingRows > 0 else { return }
        var content: ImportUnit.Content
        if let failure = pendingFailure {
            content = .rejected(failure)
        } else if let batch = pending {
            content = .records(batch)
            for customer in batch.customers {
                if let error = Self.check({ () throws(ValidationError) in try customer.validate(now: now) }) {
                    content = .rejected(RowRejection(line: pendingLine, field: error.field, reason: error.reason))
                }
            }
            for order in batch.orders {
                if let error = Self.check({ () throws(ValidationError) in try order.validate(now: now) }) {
                    content = .rejected(RowRejection(line: pendingLine, field: column(for: error.field), reason: error.reason))
                }
            }
        } else {
            content = .rejected(RowRejection(line: pendingLine, field: "row", reason: "could not be read"))
        }
        emit(ImportUnit(content: content, firstLine: pendingLine, rows: pendingRows, endOffset: pendingEnd.offset, nextLine: pendingEnd.line))
        pending = nil
        pendingKey = nil
        pendingRows = 0
        pendingFailure = nil
    }

    /// The file's column for a domain field path, so messages name what the user sees in the file.
    private func column(for field: String) -> String {
        switch field {
        case "placed_at": columns.dateName
        case "total", "subtotal": "amount"
        case let path where path.hasSuffix(".quantity"): "quantity"
        case let path where path.hasSuffix(".sku"): "sku"
        case let path where path.hasSuffix(".price"): "amount"
        default: field
        }
    }

    static func check(_ body: () throws(ValidationError) -> Void) -> ValidationIssue? {
        do { try body() } catch {
            var first = error.issues.first ?? ValidationIssue(field: "record", reason: "is invalid")
            if error.issues.count > 1 { first.reason += " (and \(error.issues.count - 1) more)" }
            return first
        }
        return nil
    }
}
