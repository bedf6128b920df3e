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
        defer { state.deallocate() }
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

    /// The mutable side of one parse. Everything read per field is in `text` (a trivially copyable value)
    /// and the per-row state holds no reference-counted value that a row's work would retain and release.
    private struct State {
        let bytes: UnsafeBufferPointer<UInt8>
        let text: FieldText
        let slots: Slots
        let variant: CDNOWFormat.Variant
        let calendar: ShopCalendar
        let latestAllowed: Date
        let pieceOrders: Int
        let currency: CurrencyCode
        /// The current line's fields (at most one more than a row may have).
        let fields: UnsafeMutableBufferPointer<Field>
        /// The order key being written: `cdnow:<customer id>:` stays while the customer does.
        let key: UnsafeMutableBufferPointer<UInt8>
        var keyPrefix = 0
        /// The hash of `cdnow:<customer id>:` for keys with a one-digit n (nearly all): each row hashes only
        /// its `<YYYYMMDD>:<n>`.
        var keyHash = ExternalIDHash.Prefix(UnsafeBufferPointer(start: nil, count: 0), length: 0)
        /// Orders in the current piece.
        var pieceCount = 0
        /// Day numbers of the dates seen, by their eight bytes (direct-mapped; a date in it was checked).
        let dateWords: UnsafeMutableBufferPointer<UInt64>
        let dateDays: UnsafeMutableBufferPointer<Int>
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

        init(parser: CDNOWChunkParser, bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            text = FieldText(bytes: bytes, digits: parser.currency.minorUnitDigits)
            slots = Slots(parser.variant)
            variant = parser.variant
            calendar = parser.calendar
            latestAllowed = parser.latestAllowed
            pieceOrders = max(parser.pieceOrders, 1)
            currency = parser.currency
            fields = .allocate(capacity: slots.count + 1)
            fields.initialize(repeating: Field())
            key = .allocate(capacity: 256)
            key.initialize(repeating: 0)
            dateWords = .allocate(capacity: Self.dateSlots)
            dateWords.initialize(repeating: 0)
            dateDays = .allocate(capacity: Self.dateSlots)
            dateDays.initialize(repeating: 0)
            startChunk(expected: min(bytes.count / 20 + 16, pieceOrders))
        }

        func deallocate() {
            fields.deallocate()
            key.deallocate()
            dateWords.deallocate()
            dateDays.deallocate()
        }

        static let dateSlots = 1024

        private mutating func startChunk(expected: Int) {
            chunk = OrderColumns()
            chunk.keyHigh.reserveCapacity(expected)
            chunk.keyLow.reserveCapacity(expected)
            chunk.customer.reserveCapacity(expected)
            chunk.placedAt.reserveCapacity(expected)
            chunk.totalMinor.reserveCapacity(expected)
            customers = ByteInterner()
            lastCustomerIndex = -1
            pieceCount = 0
        }

        /// The piece so far, with the columns every CDNOW order has alike: one line item without SKU, the
        /// one currency, no channel, no e-mail.
        private mutating func finishedChunk() -> OrderColumns {
            var piece = chunk
            chunk = OrderColumns()
            let count = piece.count
            piece.currencies = [currency]
            piece.currency = Array(repeating: 0, count: count)
            piece.channel = Array(repeating: -1, count: count)
            piece.namesEmail = Array(repeating: false, count: count)
            piece.lineSKU = Array(repeating: -1, count: count)
            piece.lineEnd = Array(unsafeUninitializedCapacity: count) { buffer, initialized in
                for i in 0..<count { buffer[i] = Int32(i + 1) }
                initialized = count
            }
            return piece
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
                    if pieceCount >= pieceOrders {
                        try emit(finishedChunk(), Double(position + 1) / Double(max(count, 1)))
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
            if pieceCount > 0 { try emit(finishedChunk(), 1) }
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
            let slot = Int(truncatingIfNeeded: (date &* 0x9E37_79B9_7F4A_7C15) >> 54)  // 1024 slots
            let day: Int
            if dateWords[slot] == date {
                day = dateDays[slot]
            } else {
                day = try text.dayNumber(dateField)
                dateWords[slot] = date
                dateDays[slot] = day
            }
            // Local midnight in the shop's zone, looked up by day number (computed once per day).
            let seconds = days.cached(day) ?? days.compute(day, calendar: calendar, latestAllowed: latestAllowed)
            guard seconds != DayInstants.outOfRange else {
                throw Irregular(reason: "an order is placed before 1990 or in the future")
            }
            try text.checkCDs(fields[slots.cds])
            let amount = try text.amount(fields[slots.amount])

            let customer: Int32
            if lastCustomerIndex >= 0 && text.same(customerField, lastCustomer) {
                customer = lastCustomerIndex
                runCount = runDate == date ? runCount + 1 : 1
            } else {
                guard customerField.count <= 200 else { throw Irregular(reason: "a customer id is longer than 200 bytes") }
                let buffer = text.buffer(customerField)
                let (index, isNew) = customers.intern(buffer)
                if isNew { chunk.customerIDs.append(String(decoding: buffer, as: UTF8.self)) }
                customer = index
                // A new piece starts with the last piece's customer interned afresh: the run goes on when it
                // is the same customer (compared by bytes).
                let same = lastCustomer.count > 0 && text.same(customerField, lastCustomer)
                runCount = same && runDate == date ? runCount + 1 : 1
                lastCustomer = customerField
                lastCustomerIndex = index
                keyPrefix = text.writePrefix(of: customerField, into: key)
                keyHash = ExternalIDHash.Prefix(UnsafeBufferPointer(rebasing: key[0..<keyPrefix]), length: keyPrefix + 10)
            }
            runDate = date
            let end = text.writeKey(date: dateField, n: runCount, prefix: keyPrefix, into: key)
            let hash =
                end == keyHash.length
                ? keyHash.hash(rest: UnsafeBufferPointer(rebasing: key[keyPrefix..<end]))
                : ExternalIDHash.hash(UnsafeBufferPointer(rebasing: key[0..<end]))
            pieceCount += 1
            chunk.keyHigh.append(hash.high)
            chunk.keyLow.append(hash.low)
            chunk.customer.append(customer)
            chunk.placedAt.append(seconds)
            chunk.totalMinor.append(amount)
        }
    }

    /// A file's bytes and the readings of its fields: a trivially copyable value, so the helpers called per
    /// field copy nothing reference-counted.
    private struct FieldText {
        let bytes: UnsafeBufferPointer<UInt8>
        /// The currency's decimals.
        let digits: Int

        func buffer(_ field: Field) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
        }

        @inline(__always)
        func same(_ a: Field, _ b: Field) -> Bool {
            a.count == b.count && memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, a.count) == 0
        }

        /// Writes `cdnow:<customer id>:` at the start of `key`; its length.
        func writePrefix(of customer: Field, into key: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var n = 0
            for byte in "cdnow:".utf8 {
                key[n] = byte
                n += 1
            }
            for i in customer.start..<customer.end {
                key[n] = bytes[i]
                n += 1
            }
            key[n] = UInt8(ascii: ":")
            return n + 1
        }

        /// Writes `<YYYYMMDD>:<n>` after the key's prefix `cdnow:<customer id>:`; the key's length.
        func writeKey(date: Field, n: Int, prefix: Int, into key: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var end = prefix
            for i in date.start..<date.end {
                key[end] = bytes[i]
                end += 1
            }
            key[end] = UInt8(ascii: ":")
            end += 1
            // n in decimal (a run of one customer's rows on one day; the customer id is at most 200 bytes,
            // so the key stays within its 256 bytes and within the 255 `Rules.externalID` allows).
            var digits = 1
            var power = 10
            while n >= power && digits < 19 {
                digits += 1
                power &*= 10
            }
            var value = n
            for k in stride(from: digits - 1, through: 0, by: -1) {
                key[end + k] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
            return end + digits
        }

        /// The day number of a `YYYYMMDD` field (`CivilDate`'s rules: years 1900–2999, the month's days).
        func dayNumber(_ field: Field) throws(Irregular) -> Int {
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
            return CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        }

        /// `number_of_cds`: 1 to 100,000, written as one to six plain digits.
        func checkCDs(_ field: Field) throws(Irregular) {
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
        func amount(_ field: Field) throws(Irregular) -> Int64 {
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

    /// The instant of `day` when it was computed before (`outOfRange` for a rejected one).
    @inline(__always)
    func cached(_ day: Int) -> Int64? {
        let slot = day - base
        guard slot >= 0 && slot < values.count else { return nil }
        let held = values[slot]
        return held == Self.unknown ? nil : held
    }

    /// Computes and keeps the instant of `day` (`outOfRange` for a rejected one).
    mutating func compute(_ day: Int, calendar: ShopCalendar, latestAllowed: Date) -> Int64 {
        // Exactly what `CDNOWFormat` computes: the date read as `TimestampText.date` in the shop's zone.
        let instant = calendar.instant(of: .date(CivilDate(daysSinceEpoch: day)))
        let valid = instant.timeIntervalSince1970 >= 631_152_000 && instant <= latestAllowed
        let seconds = valid ? Int64(instant.timeIntervalSince1970.rounded(.down)) : Self.outOfRange
        values[slot(of: day)] = seconds
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
