import FlywheelCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses a CDNOW purchase history (`CDNOWFormat`'s two layouts) from its bytes straight into
/// `OrderColumns`: no `Record`, no `String` per field, no `Order`; each distinct customer id becomes a
/// `String` once, a date's instant is looked up by its day number, amounts are read from the bytes.
///
/// It reads only rows it is certain `CDNOWFormat` accepts unchanged — printable ASCII fields, the layout's
/// column count, a `YYYYMMDD` calendar date from 1990 on and not in the future, a plain 1–6 digit number
/// of CDs from 1 to 100,000, an unsigned plain decimal amount — and gives up on anything else
/// (`Irregular`), so the caller reads the file with the full reader, whose rejections (line, field,
/// reason) are then exactly the importer's. Rules kept (each `CDNOWFormat`'s): the first non-blank line is
/// a header unless its first field is all digits (the master layout's header has four columns); columns
/// are separated by runs of spaces, tabs and carriage returns; each row is an order keyed
/// `cdnow:<customer id>:<YYYYMMDD>:<n>`, n counting adjacent rows of that customer on that day; the date
/// is local midnight in the shop's zone (`ShopCalendar.instant(of:)`, once per distinct day).
struct CDNOWChunkParser {
    let variant: CDNOWFormat.Variant
    let currency: CurrencyCode
    let calendar: ShopCalendar
    /// `now` plus a day, as `Order.validate` compares: later orders are "in the future".
    let latestAllowed: Date
    /// Orders per piece handed over (the last piece may be smaller).
    let pieceOrders: Int

    /// Why the file needs the full reader (a row the importer would reject or might read differently).
    struct Irregular: Error {
        var reason: String
    }

    /// Parses the whole file's bytes, handing over a piece of columns every `pieceOrders` orders and at the
    /// end (with the fraction of the bytes parsed so far); returns the data rows read. Throws `Irregular`,
    /// or what `emit` throws.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, emit: (OrderColumns, Double) throws -> Void) throws -> Int {
        var state = State(parser: self, bytes: bytes)
        defer { state.fields.deallocate() }
        try state.run(emit: emit)
        return state.rows
    }

    /// The columns of a layout: the customer, date, CDs and amount fields, and how many a row has.
    private struct Slots {
        let customer = 0
        let date: Int
        let cds: Int
        let amount: Int
        let count: Int

        init(_ variant: CDNOWFormat.Variant) {
            switch variant {
            case .master: (date, cds, amount, count) = (1, 2, 3, 4)
            case .sample: (date, cds, amount, count) = (2, 3, 4, 5)
            }
        }
    }

    /// Where a field lies in the bytes.
    private struct Field {
        var start = 0
        var end = 0
        var count: Int { end - start }
    }

    /// The mutable side of one parse.
    private struct State {
        let bytes: UnsafeBufferPointer<UInt8>
        let slots: Slots
        let variant: CDNOWFormat.Variant
        let calendar: ShopCalendar
        let latestAllowed: Date
        let pieceOrders: Int
        let currency: CurrencyCode
        /// The current line's fields (at most one more than a row may have).
        let fields: UnsafeMutableBufferPointer<Field>
        var chunk = OrderColumns()
        var rows = 0
        var sawFirstRecord = false
        var customers = ByteInterner()
        var lastCustomer = Field()
        var lastCustomerIndex: Int32 = -1
        /// The run of rows of one customer on one day: its date's bytes and how many rows it has so far.
        var runDate: UInt64 = 0
        var runCount = 0
        var days = DayInstants()
        var keyScratch: [UInt8] = []

        init(parser: CDNOWChunkParser, bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            slots = Slots(parser.variant)
            variant = parser.variant
            calendar = parser.calendar
            latestAllowed = parser.latestAllowed
            pieceOrders = max(parser.pieceOrders, 1)
            currency = parser.currency
            fields = .allocate(capacity: slots.count + 1)
            fields.initialize(repeating: Field())
            keyScratch.reserveCapacity(64)
            startChunk(expected: min(bytes.count / 20 + 16, pieceOrders))
        }

        private mutating func startChunk(expected: Int) {
            chunk = OrderColumns()
            chunk.currencies = [currency]
            chunk.keyHigh.reserveCapacity(expected)
            chunk.keyLow.reserveCapacity(expected)
            chunk.customer.reserveCapacity(expected)
            chunk.placedAt.reserveCapacity(expected)
            chunk.totalMinor.reserveCapacity(expected)
            chunk.lineEnd.reserveCapacity(expected)
            customers = ByteInterner()
            lastCustomerIndex = -1
        }

        mutating func run(emit: (OrderColumns, Double) throws -> Void) throws {
            let count = bytes.count
            var position = 0
            // A UTF-8 byte-order mark is skipped, as `RecordReader` skips it.
            if count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { position = 3 }
            var fieldCount = 0
            var fieldStart = -1
            let limit = fields.count
            while position < count {
                let byte = bytes[position]
                if byte > 0x20 && byte < 0x7F {
                    if fieldStart < 0 { fieldStart = position }
                    position += 1
                    continue
                }
                guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else {
                    throw Irregular(reason: "a line has a control character or a byte outside ASCII")
                }
                if fieldStart >= 0 {
                    guard fieldCount < limit else { throw Irregular(reason: "a row has more columns than the layout") }
                    fields[fieldCount] = Field(start: fieldStart, end: position)
                    fieldCount += 1
                    fieldStart = -1
                }
                if byte == 0x0A && fieldCount > 0 {
                    try record(fieldCount)
                    fieldCount = 0
                    if chunk.count >= pieceOrders {
                        try emit(chunk, Double(position + 1) / Double(max(count, 1)))
                        startChunk(expected: pieceOrders)
                    }
                }
                position += 1
            }
            if fieldStart >= 0 {
                guard fieldCount < limit else { throw Irregular(reason: "a row has more columns than the layout") }
                fields[fieldCount] = Field(start: fieldStart, end: count)
                fieldCount += 1
            }
            if fieldCount > 0 { try record(fieldCount) }
            // A file without a line of text is the full reader's error ("has no rows").
            guard sawFirstRecord else { throw Irregular(reason: "the file has no rows") }
            if chunk.count > 0 { try emit(chunk, 1) }
        }

        /// A non-blank line of `count` fields: the header (`CDNOWFormat.readHeader`'s rule) or a row.
        private mutating func record(_ count: Int) throws(Irregular) {
            if !sawFirstRecord {
                sawFirstRecord = true
                let first = fields[0]
                var isData = true
                for i in first.start..<first.end where bytes[i] < 0x30 || bytes[i] > 0x39 { isData = false }
                if !isData {
                    guard variant == .sample || count == 4 else { throw Irregular(reason: "the header is not the layout's") }
                    return
                }
            }
            guard count == slots.count else { throw Irregular(reason: "a row has another number of columns than the layout") }
            rows += 1
            try row()
        }

        private mutating func row() throws(Irregular) {
            let customerField = fields[slots.customer]
            let dateField = fields[slots.date]
            guard dateField.count == 8 else { throw Irregular(reason: "a date is not YYYYMMDD") }
            let date = UnsafeRawPointer(bytes.baseAddress! + dateField.start).loadUnaligned(as: UInt64.self)
            let seconds = try instant(dateField)
            try checkCDs(fields[slots.cds])
            let amount = try self.amount(fields[slots.amount])

            let customer: Int32
            if lastCustomerIndex >= 0 && same(customerField, lastCustomer) {
                customer = lastCustomerIndex
                runCount = runDate == date ? runCount + 1 : 1
            } else {
                guard customerField.count <= 200 else { throw Irregular(reason: "a customer id is longer than 200 bytes") }
                let buffer = UnsafeBufferPointer(rebasing: bytes[customerField.start..<customerField.end])
                let (index, isNew) = customers.intern(buffer)
                if isNew { chunk.customerIDs.append(String(decoding: buffer, as: UTF8.self)) }
                customer = index
                // A new piece starts with the last piece's customer interned afresh: the run goes on when it
                // is the same customer (compared by bytes).
                runCount = lastCustomer.count > 0 && same(customerField, lastCustomer) && runDate == date ? runCount + 1 : 1
                lastCustomer = customerField
                lastCustomerIndex = index
            }
            runDate = date
            let key = orderKey(customer: customerField, date: dateField, n: runCount)
            chunk.keyHigh.append(key.high)
            chunk.keyLow.append(key.low)
            chunk.customer.append(customer)
            chunk.placedAt.append(seconds)
            chunk.totalMinor.append(amount)
            chunk.currency.append(0)
            chunk.channel.append(-1)
            chunk.namesEmail.append(false)
            chunk.lineSKU.append(-1)
            chunk.lineEnd.append(Int32(chunk.lineSKU.count))
        }

        // MARK: Fields

        private func same(_ a: Field, _ b: Field) -> Bool {
            a.count == b.count && memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, a.count) == 0
        }

        /// `cdnow:<customer id>:<YYYYMMDD>:<n>` as `ExternalIDHash`.
        private mutating func orderKey(customer: Field, date: Field, n: Int) -> (high: UInt64, low: UInt64) {
            keyScratch.removeAll(keepingCapacity: true)
            keyScratch.append(contentsOf: "cdnow:".utf8)
            keyScratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[customer.start..<customer.end]))
            keyScratch.append(UInt8(ascii: ":"))
            keyScratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[date.start..<date.end]))
            keyScratch.append(UInt8(ascii: ":"))
            if n < 10 {
                keyScratch.append(UInt8(ascii: "0") + UInt8(n))
            } else {
                keyScratch.append(contentsOf: String(n).utf8)
            }
            return keyScratch.withUnsafeBufferPointer { ExternalIDHash.hash($0) }
        }

        /// The instant of a `YYYYMMDD` field (local midnight in the shop's zone), whole UTC seconds: the
        /// day number from the digits (`CivilDate`'s rules), its instant looked up once per day.
        private mutating func instant(_ field: Field) throws(Irregular) -> Int64 {
            var value = 0
            for i in field.start..<field.end {
                let byte = bytes[i]
                guard byte >= 0x30 && byte <= 0x39 else { throw Irregular(reason: "a date is not YYYYMMDD") }
                value = value * 10 + Int(byte - 0x30)
            }
            let year = value / 10_000
            let month = value / 100 % 100
            let day = value % 100
            guard year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1
                && day <= CivilDate.daysInMonth(year: year, month: month)
            else { throw Irregular(reason: "a date is not a calendar date") }
            let number = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
            let seconds = days.seconds(ofDay: number, calendar: calendar, latestAllowed: latestAllowed)
            guard seconds != DayInstants.outOfRange else {
                throw Irregular(reason: "an order is placed before 1990 or in the future")
            }
            return seconds
        }

        /// `number_of_cds`: 1 to 100,000, written as one to six plain digits.
        private func checkCDs(_ field: Field) throws(Irregular) {
            guard field.count <= 6 else { throw Irregular(reason: "a number of CDs is unusual") }
            var value = 0
            for i in field.start..<field.end {
                let byte = bytes[i]
                guard byte >= 0x30 && byte <= 0x39 else { throw Irregular(reason: "a number of CDs is not plain digits") }
                value = value * 10 + Int(byte - 0x30)
            }
            guard value >= 1 && value <= 100_000 else { throw Irregular(reason: "a number of CDs is out of range") }
        }

        /// `DecimalAmount.parse` for an unsigned `digits[.digits]` (its rules: one dot, at least one digit,
        /// zeros beyond the currency's decimals ignored, the whole part at most 10¹⁵); anything else is left
        /// to the full reader.
        private func amount(_ field: Field) throws(Irregular) -> Int64 {
            let digits = currency.minorUnitDigits
            guard field.count <= 18 else { throw Irregular(reason: "an amount is unusual") }
            var whole: Int64 = 0
            var fraction: Int64 = 0
            var fractionDigits = 0
            var seenDot = false
            var seenDigit = false
            for i in field.start..<field.end {
                let byte = bytes[i]
                if byte == 0x2E {
                    guard !seenDot else { throw Irregular(reason: "an amount is not a number") }
                    seenDot = true
                    continue
                }
                guard byte >= 0x30 && byte <= 0x39 else { throw Irregular(reason: "an amount is not a plain number") }
                seenDigit = true
                let digit = Int64(byte - 0x30)
                if seenDot {
                    fractionDigits += 1
                    if fractionDigits > digits {
                        guard digit == 0 else { throw Irregular(reason: "an amount has too many decimals") }
                        continue
                    }
                    fraction = fraction * 10 + digit
                } else {
                    whole = whole * 10 + digit
                }
            }
            guard seenDigit, whole <= 1_000_000_000_000_000 else { throw Irregular(reason: "an amount is unusual") }
            var scale: Int64 = 1
            for _ in 0..<digits { scale *= 10 }
            for _ in min(fractionDigits, digits)..<digits { fraction *= 10 }
            let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
            guard !overflow else { throw Irregular(reason: "an amount is too large") }
            return scaled + fraction
        }
    }
}

/// The instants of local midnight of the days seen, whole UTC seconds by day number (a window of days
/// grown as needed): `ShopCalendar.instant(of:)` — two time-zone lookups — once per day, not per row.
private struct DayInstants {
    /// Marks a day whose midnight `Order.validate` rejects (before 1990, or in the future).
    static let outOfRange = Int64.max
    private static let unknown = Int64.min
    private var base = 0
    private var values: [Int64] = []

    mutating func seconds(ofDay day: Int, calendar: ShopCalendar, latestAllowed: Date) -> Int64 {
        let slot = self.slot(of: day)
        let held = values[slot]
        if held != Self.unknown { return held }
        // Exactly what `CDNOWFormat` computes: the date read as `TimestampText.date` in the shop's zone.
        let instant = calendar.instant(of: .date(CivilDate(daysSinceEpoch: day)))
        let valid = instant.timeIntervalSince1970 >= 631_152_000 && instant <= latestAllowed
        let seconds = valid ? Int64(instant.timeIntervalSince1970.rounded(.down)) : Self.outOfRange
        values[slot] = seconds
        return seconds
    }

    private mutating func slot(of day: Int) -> Int {
        if values.isEmpty {
            base = day - 64
            values = Array(repeating: Self.unknown, count: 512)
        }
        if day < base {
            let extra = base - day + 256
            values.insert(contentsOf: repeatElement(Self.unknown, count: extra), at: 0)
            base -= extra
        } else if day >= base + values.count {
            values.append(contentsOf: repeatElement(Self.unknown, count: day - base - values.count + 256))
        }
        return day - base
    }
}
