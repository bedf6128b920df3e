import Foundation
import FlywheelCore

/// Shopify's orders export (Admin → Orders → Export, "CSV for Excel, Numbers or other spreadsheet programs").
///
/// One row per line item; the order's own fields (e-mail, status, money, dates) are filled on its first row
/// only, and the rows of an order are adjacent, sharing `Name` (e.g. `#1001`). The order's external id is
/// the export's `Id` column when present (the id webhooks use too), else its `Name`. The customer is the
/// lower-cased `Email`; orders without one are guest orders. `Refunded Amount` becomes one refund
/// (`<order>-refund`, dated at `Cancelled at`, else `Paid at`, else `Created at`: the export has no refund
/// date); `Fulfilled at` becomes one shipment (`<order>-fulfillment`, supplier = the first line's vendor).
struct ShopifyOrdersFormat: FormatReader {
    let calendar: ShopCalendar
    let now: Date
    var layout: RecordLayout { .csv }

    private struct Columns {
        var name = 0, createdAt = 0, quantity = 0, price = 0, currency = 0, total = 0
        var email: Int?, financialStatus: Int?, paidAt: Int?, fulfillmentStatus: Int?, fulfilledAt: Int?
        var acceptsMarketing: Int?, subtotal: Int?, shipping: Int?, taxes: Int?, discountCode: Int?
        var discountAmount: Int?, lineName: Int?, lineSku: Int?, billingName: Int?, id: Int?, vendor: Int?
        var source: Int?, refunded: Int?, cancelledAt: Int?
        var count = 0
    }

    private var c = Columns()
    private var pendingName: String?
    private var pendingOrder: OrderFields?
    private var pendingLines: [LineItem] = []
    private var pendingFailure: RowRejection?
    private var pendingRows = 0
    private var pendingLine = 0
    private var pendingEnd: (offset: Int64, line: Int) = (0, 1)

    init(calendar: ShopCalendar, now: Date) {
        self.calendar = calendar
        self.now = now
    }

    mutating func readHeader(_ record: Record) throws(ImportFileError) -> Bool {
        let map = try ColumnMap(header: record)
        let required: [(String, Int?)] = [
            ("Name", map.index("Name")), ("Created at", map.index("Created at")),
            ("Lineitem quantity", map.index("Lineitem quantity")), ("Lineitem price", map.index("Lineitem price")),
            ("Currency", map.index("Currency")), ("Total", map.index("Total")),
        ]
        try map.require(required.map { ($0.0, $0.1 != nil) })
        c.name = map.index("Name")!
        c.createdAt = map.index("Created at")!
        c.quantity = map.index("Lineitem quantity")!
        c.price = map.index("Lineitem price")!
        c.currency = map.index("Currency")!
        c.total = map.index("Total")!
        c.email = map.index("Email")
        c.financialStatus = map.index("Financial Status")
        c.paidAt = map.index("Paid at")
        c.fulfillmentStatus = map.index("Fulfillment Status")
        c.fulfilledAt = map.index("Fulfilled at")
        c.acceptsMarketing = map.index("Accepts Marketing")
        c.subtotal = map.index("Subtotal")
        c.shipping = map.index("Shipping")
        c.taxes = map.index("Taxes")
        c.discountCode = map.index("Discount Code")
        c.discountAmount = map.index("Discount Amount")
        c.lineName = map.index("Lineitem name")
        c.lineSku = map.index("Lineitem sku")
        c.billingName = map.index("Billing Name")
        c.id = map.index("Id")
        c.vendor = map.index("Vendor")
        c.source = map.index("Source")
        c.refunded = map.index("Refunded Amount")
        c.cancelledAt = map.index("Cancelled at")
        c.count = record.count
        return true
    }

    /// The order-level fields from an order's first row.
    private struct OrderFields {
        var externalID: String
        var email: String?
        var firstName: String?
        var lastName: String?
        var acceptsMarketing: Bool?
        var placedAt: Date
        var paidAt: Date?
        var currency: CurrencyCode
        var status: FinancialStatus
        var subtotal: Int64?
        var shipping: Int64
        var taxes: Int64
        var total: Int64
        var discountCode: String?
        var discountAmount: Int64
        var source: String?
        var refunded: Int64
        var cancelledAt: Date?
        var fulfilledAt: Date?
        var supplier: String?
    }

    mutating func consume(_ record: Record, emit: (ImportUnit) -> Void) {
        let fields = FieldParsing(record: record, calendar: calendar)
        let name: String?
        do throws(RowRejection) {
            if let malformation = record.malformation { throw fields.reject("row", malformation) }
            guard record.count == c.count else {
                throw fields.reject("row", "expected \(c.count) columns as in the header, found \(record.count)")
            }
            name = try fields.text(c.name, "Name")
        } catch {
            flush(emit: emit)
            emit(ImportUnit(content: .rejected(error), firstLine: record.line, rows: 1, endOffset: record.endOffset, nextLine: record.nextLine))
            return
        }
        guard let name else {
            flush(emit: emit)
            let rejection = fields.reject("Name", "is empty")
            emit(ImportUnit(content: .rejected(rejection), firstLine: record.line, rows: 1, endOffset: record.endOffset, nextLine: record.nextLine))
            return
        }
        if name != pendingName {
            flush(emit: emit)
            pendingName = name
            pendingLine = record.line
            do throws(RowRejection) {
                pendingOrder = try readOrderFields(fields, name: name)
            } catch {
                pendingFailure = error
            }
        }
        pendingRows += 1
        pendingEnd = (record.endOffset, record.nextLine)
        guard pendingFailure == nil, let order = pendingOrder else { return }
        do throws(RowRejection) {
            let quantity = try fields.integer(c.quantity, "Lineitem quantity", in: 1...100_000)
            let price = try fields.amount(c.price, "Lineitem price", digits: order.currency.minorUnitDigits) ?? 0
            let vendor = try fields.text(c.vendor, "Vendor")
            if pendingLines.isEmpty { pendingOrder?.supplier = vendor }
            pendingLines.append(
                LineItem(
                    sku: try fields.text(c.lineSku, "Lineitem sku"), title: try fields.text(c.lineName, "Lineitem name"),
                    quantity: quantity, unitPriceMinor: price, vendor: vendor))
        } catch {
            pendingFailure = error
        }
    }

    private func readOrderFields(_ fields: FieldParsing, name: String) throws(RowRejection) -> OrderFields {
        guard let code = try fields.text(c.currency, "Currency") else {
            throw fields.reject("Currency", "is empty on the order's first row")
        }
        guard let currency = CurrencyCode(code.uppercased()) else {
            throw fields.reject("Currency", "is not an ISO 4217 currency code such as EUR or USD")
        }
        let digits = currency.minorUnitDigits
        var status = FinancialStatus.paid
        if let text = try fields.text(c.financialStatus, "Financial Status") {
            guard let known = FinancialStatus(text: text) else {
                throw fields.reject("Financial Status", "is not a Shopify financial status (paid, pending, refunded …)")
            }
            status = known
        }
        let email = try fields.text(c.email, "Email")?.lowercased()
        if let email, !Customer(externalID: email, email: email).isEmailPlausible {
            throw fields.reject("Email", "is not a valid e-mail address")
        }
        var firstName: String?
        var lastName: String?
        if let billing = try fields.text(c.billingName, "Billing Name") {
            let parts = billing.split(separator: " ", maxSplits: 1)
            firstName = parts.first.map(String.init)
            lastName = parts.count > 1 ? String(parts[1]) : nil
        }
        var accepts: Bool?
        if let text = try fields.text(c.acceptsMarketing, "Accepts Marketing")?.lowercased() {
            guard text == "yes" || text == "no" || text == "true" || text == "false" else {
                throw fields.reject("Accepts Marketing", "must be yes or no")
            }
            accepts = text == "yes" || text == "true"
        }
        let total = try fields.amount(c.total, "Total", digits: digits) ?? 0
        return OrderFields(
            externalID: try fields.text(c.id, "Id") ?? name, email: email, firstName: firstName, lastName: lastName,
            acceptsMarketing: accepts, placedAt: try fields.instant(c.createdAt, "Created at")!,
            paidAt: try fields.instant(c.paidAt, "Paid at", required: false), currency: currency, status: status,
            subtotal: try fields.amount(c.subtotal, "Subtotal", digits: digits, required: false),
            shipping: try fields.amount(c.shipping, "Shipping", digits: digits, required: false) ?? 0,
            taxes: try fields.amount(c.taxes, "Taxes", digits: digits, required: false) ?? 0, total: total,
            discountCode: try fields.text(c.discountCode, "Discount Code"),
            discountAmount: try fields.amount(c.discountAmount, "Discount Amount", digits: digits, required: false) ?? 0,
            source: try fields.text(c.source, "Source"),
            refunded: try fields.amount(c.refunded, "Refunded Amount", digits: digits, required: false) ?? 0,
            cancelledAt: try fields.instant(c.cancelledAt, "Cancelled at", required: false),
            fulfilledAt: try fields.instant(c.fulfilledAt, "Fulfilled at", required: false))
    }

    mutating func finish(emit: (ImportUnit) -> Void) { flush(emit: emit) }

    private mutating func flush(emit: (ImportUnit) -> Void) {
        guard pendingRows > 0 else { return }
        let content: ImportUnit.Content
        if let failure = pendingFailure {
            content = .rejected(failure)
        } else if let fields = pendingOrder {
            do throws(RowRejection) {
                content = .records(try assemble(fields))
            } catch {
                content = .rejected(error)
            }
        } else {
            content = .rejected(RowRejection(line: pendingLine, field: "row", reason: "could not be read"))
        }
        emit(ImportUnit(content: content, firstLine: pendingLine, rows: pendingRows, endOffset: pendingEnd.offset, nextLine: pendingEnd.line))
        pendingName = nil
        pendingOrder = nil
        pendingLines.removeAll(keepingCapacity: true)
        pendingFailure = nil
        pendingRows = 0
    }

    /// Builds the order and what comes with it, and checks them with the domain's rules.
    private func assemble(_ f: OrderFields) throws(RowRejection) -> IngestBatch {
        func reject(_ field: String, _ reason: String) -> RowRejection {
            RowRejection(line: pendingLine, field: field, reason: reason)
        }
        let linesTotal = pendingLines.reduce(Int64(0)) { $0 + $1.totalMinor }
        let subtotal = f.subtotal ?? (linesTotal - f.discountAmount)
        // Shopify's Total adds Taxes unless prices include them (as in EU shops); tell which from the sums.
        let taxesIncluded: Bool
        if f.taxes > 0 && f.total == subtotal + f.shipping {
            taxesIncluded = true
        } else if f.total == subtotal + f.shipping + f.taxes {
            taxesIncluded = false
        } else {
            throw reject("Total", "does not equal Subtotal + Shipping (+ Taxes when not included in prices)")
        }
        var discounts: [DiscountApplication] = []
        if f.discountAmount > 0 || f.discountCode != nil {
            discounts.append(DiscountApplication(code: f.discountCode ?? "automatic", amountMinor: f.discountAmount))
        }
        var batch = IngestBatch()
        if let email = f.email {
            let consent = f.acceptsMarketing.map { MarketingConsent(email: $0 ? .granted : .unknown) }
            batch.customers.append(
                Customer(
                    externalID: email, email: email, firstName: f.firstName, lastName: f.lastName, consent: consent,
                    createdAt: f.placedAt))
        }
        let order = Order(
            externalID: f.externalID, customerExternalID: f.email, placedAt: f.placedAt, source: f.source,
            currency: f.currency, lineItems: pendingLines, discounts: discounts, subtotalMinor: subtotal,
            shippingMinor: f.shipping, taxMinor: f.taxes, taxesIncluded: taxesIncluded, totalMinor: f.total,
            financialStatus: f.status, cancelledAt: f.cancelledAt)
        if let issue = PlainCSVFormat.check({ () throws(ValidationError) in try order.validate(now: now) }) {
            throw reject(Self.exportColumn(for: issue.field), issue.reason)
        }
        batch.orders.append(order)
        var seenSKUs = Set<String>()
        for line in pendingLines {
            guard let sku = line.sku, seenSKUs.insert(sku).inserted else { continue }
            batch.products.append(Product(sku: sku, title: line.title ?? sku, vendor: line.vendor))
        }
        if f.refunded > 0 {
            guard f.refunded <= f.total else { throw reject("Refunded Amount", "is more than the order's Total") }
            batch.refunds.append(
                Refund(
                    externalID: "\(f.externalID)-refund", orderExternalID: f.externalID,
                    createdAt: f.cancelledAt ?? f.paidAt ?? f.placedAt, amountMinor: f.refunded, currency: f.currency))
        }
        if let fulfilledAt = f.fulfilledAt {
            batch.shipments.append(
                Shipment(
                    externalID: "\(f.externalID)-fulfillment", orderExternalID: f.externalID, supplier: f.supplier,
                    shippedAt: fulfilledAt))
        }
        return batch
    }

    /// The export's column for a domain field path, so messages name what the user sees in the file.
    private static func exportColumn(for field: String) -> String {
        switch field {
        case "order_id": "Id"
        case "placed_at": "Created at"
        case "cancelled_at": "Cancelled at"
        case "subtotal": "Subtotal"
        case "shipping": "Shipping"
        case "tax": "Taxes"
        case "total": "Total"
        case let path where path.hasPrefix("line_items"): "Lineitem (\(path))"
        case let path where path.hasPrefix("discounts"): "Discount Code (\(path))"
        default: field
        }
    }
}
