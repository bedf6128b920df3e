import Foundation
import FlywheelCore

/// The CDNOW purchase histories (Hardie's files): whitespace-separated columns, one purchase per row.
///
/// - `master` layout: `customer_id date number_of_cds dollar_value`, after one header line.
/// - `sample` layout: `master_id sample_id date number_of_cds dollar_value`, no header.
///
/// The rows carry no order id, so each order's idempotency key is
/// `cdnow:<customer id>:<YYYYMMDD>:<n>` where n counts the rows of that customer on that day, in file
/// order (the files are sorted by customer and date). Both layouts use the master id, so importing the
/// sample after the master changes nothing.
struct CDNOWFormat: FormatReader {
    enum Variant {
        case master
        case sample
    }

    let variant: Variant
    let currency: CurrencyCode
    let calendar: ShopCalendar
    let now: Date
    var layout: RecordLayout { .whitespace }

    private var pendingKey: (customer: String, day: String)?
    private var pending = IngestBatch()
    private var pendingRows = 0
    private var pendingLine = 0
    private var pendingEnd: (offset: Int64, line: Int) = (0, 1)

    init(variant: Variant, currency: CurrencyCode, calendar: ShopCalendar, now: Date) {
        self.variant = variant
        self.currency = currency
        self.calendar = calendar
        self.now = now
    }

    private var columns: (customer: Int, date: Int, cds: Int, amount: Int, count: Int) {
        switch variant {
        case .master: (0, 1, 2, 3, 4)
        case .sample: (0, 2, 3, 4, 5)
        }
    }

    mutating func readHeader(_ record: Record) throws(ImportFileError) -> Bool {
        // The master file has a header line; tolerate one in the sample too. A data row starts with digits.
        guard record.count > 0 else { return true }
        let isData = record.bytes(0).allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        if isData { return false }
        if variant == .master && record.count != 4 {
            throw ImportFileError(
                "header: expected 4 columns (customer_id date number_of_cds dollar_value), found \(record.count)"
                    + " — is this the cdnow-sample layout?")
        }
        return true
    }

    mutating func consume(_ record: Record, emit: (ImportUnit) -> Void) {
        let c = columns
        let fields = FieldParsing(record: record, calendar: calendar)
        func rejected(_ rejection: RowRejection) {
            flush(emit: emit)
            emit(ImportUnit(content: .rejected(rejection), firstLine: record.line, rows: 1, endOffset: record.endOffset, nextLine: record.nextLine))
        }
        guard record.count == c.count else {
            return rejected(fields.reject("row", "expected \(c.count) columns, found \(record.count)"))
        }
        let customer: String
        let placedAt: Date
        let cds: Int
        let amount: Int64
        do throws(RowRejection) {
            customer = try fields.requiredText(c.customer, "customer_id")
            guard record.bytes(c.date).count == 8 else {
                throw fields.reject("date", "is not a date in the form YYYYMMDD")
            }
            guard let instant = try fields.instant(c.date, "date") else { return }
            placedAt = instant
            cds = try fields.integer(c.cds, "number_of_cds", in: 1...100_000)
            amount = try fields.amount(c.amount, "dollar_value", digits: currency.minorUnitDigits) ?? 0
        } catch {
            return rejected(error)
        }
        let day = String(decoding: record.bytes(c.date), as: UTF8.self)
        if let key = pendingKey, key.customer != customer || key.day != day { flush(emit: emit) }
        if pendingKey == nil {
            pendingKey = (customer, day)
            pendingLine = record.line
        }
        let n = pending.orders.count + 1
        let order = Order(
            externalID: "cdnow:\(customer):\(day):\(n)", customerExternalID: customer,
            placedAt: placedAt, currency: currency, lineItems: [LineItem(title: "CD", quantity: cds, totalMinor: amount)],
            subtotalMinor: amount, totalMinor: amount)
        do throws(RowRejection) {
            try fields.validated { () throws(ValidationError) in try order.validate(now: now) }
        } catch {
            return rejected(error)
        }
        pending.orders.append(order)
        pendingRows += 1
        pendingEnd = (record.endOffset, record.nextLine)
    }

    mutating func finish(emit: (ImportUnit) -> Void) { flush(emit: emit) }

    private mutating func flush(emit: (ImportUnit) -> Void) {
        guard pendingRows > 0 else { return }
        emit(ImportUnit(content: .records(pending), firstLine: pendingLine, rows: pendingRows, endOffset: pendingEnd.offset, nextLine: pendingEnd.line))
        pending = IngestBatch()
        pendingRows = 0
        pendingKey = nil
    }
}
