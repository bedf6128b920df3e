import FlywheelCore
import Foundation

/// Parses a piece of a plain-CSV order history (whole lines, `PlainCSVFormat`'s layout) from its bytes
/// straight into `OrderColumns`: fields are read in place, ids hashed from the buffer, every distinct
/// customer id, SKU, channel and currency turned into a `String` once.
///
/// It reads only rows it is certain about — the rows `PlainCSVFormat` accepts without a rejection and that
/// need no CSV quoting — and gives up on anything else (`Irregular`), so the caller reads the file with
/// the full reader instead and the rejections are exactly the importer's. Rules kept (each the importer's):
/// adjacent rows with one `order_id` are one order (same customer and currency, amounts summed; the first
/// row gives the time, the e-mail record and the channel); rows without `order_id` are keyed
/// `csv:<customer_id>:<Unix seconds>:<n>`; values are trimmed of spaces; the order's rules (`Order.validate`)
/// and the e-mail's plausibility are checked.
struct PlainCSVChunkParser {
    let columns: PlainCSVFormat.Columns
    let defaultCurrency: CurrencyCode
    let calendar: ShopCalendar
    /// `now` plus a day, as `Order.validate` compares: later orders are "in the future".
    let latestAllowed: Date

    /// Why a piece needs the full reader (a row the importer would reject or that needs CSV quoting).
    struct Irregular: Error {
        var reason: String
    }

    /// What one piece of the file gave.
    struct Chunk: Sendable {
        var orders = OrderColumns()
        /// Data rows read (blank lines not counted).
        var rows = 0
        /// Whether rows with and without an `order_id` were seen.
        var sawNamed = false
        var sawAnonymous = false
    }

    /// Parses `bytes` (whole lines).
    func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Irregular) -> Chunk {
        var state = State(parser: self, bytes: bytes)
        defer {
            state.fields.deallocate()
            state.skuCache.deallocate()
            state.channelCache.deallocate()
        }
        try state.run()
        return state.chunk
    }

    /// The instant of a date or date-time field other than `YYYY-MM-DDTHH:MM:SSZ` (`FieldBytes.utcInstant`),
    /// whole UTC seconds: through `TimestampText` and the shop's calendar, as the importer reads it.
    private func instant(_ field: Field, in text: FieldBytes) throws(Irregular) -> Int64 {
        guard !text.trimmed(field).isEmpty else { throw Irregular(reason: "a date is empty") }
        guard let parsed = TimestampText.parse(bytes: ArraySlice(text.buffer(field))) else {
            throw Irregular(reason: "a date is not in an accepted form")
        }
        let seconds = calendar.instant(of: parsed).timeIntervalSince1970.rounded(.down)
        guard seconds.isFinite, abs(seconds) < 9.0e15 else { throw Irregular(reason: "a date is out of range") }
        return Int64(seconds)
    }

    /// The positions of `PlainCSVFormat`'s columns; `-1` for an optional column the file does not have.
    private struct Slots {
        let customer, date, amount, orderID, currency, email, sku, quantity, channel: Int

        init(_ columns: PlainCSVFormat.Columns) {
            customer = columns.customer
            date = columns.date
            amount = columns.amount
            orderID = columns.orderID ?? -1
            currency = columns.currency ?? -1
            email = columns.email ?? -1
            sku = columns.sku ?? -1
            quantity = columns.quantity ?? -1
            channel = columns.channel ?? -1
        }
    }

    /// The mutable side of one parse.
    private struct State {
        let parser: PlainCSVChunkParser
        let bytes: UnsafeBufferPointer<UInt8>
        let text: FieldBytes
        /// The columns' positions (`-1`: the file has no such column) and `parser.latestAllowed`, kept here
        /// as plain values so that reading them per row copies nothing reference-counted.
        let slots: Slots
        let latestAllowed: Date
        var chunk = Chunk()
        /// The current row's fields (a buffer, not an array: writing an array element per field checks
        /// that the array is not shared, each time).
        let fields: UnsafeMutableBufferPointer<Field>
        /// The last date's day, and the last e-mail found plausible: a customer's rows repeat both.
        var dayCache = DayCache()
        var lastEmail = Field()
        var customers = ByteInterner()
        var skus = ByteInterner()
        var channels = ByteInterner()
        var currencySpellings = ByteInterner()
        /// Currency spelling index → index in `chunk.orders.currencies`.
        var currencyOfSpelling: [UInt8] = []
        /// The SKUs and channels interned last (most rows repeat a few dozen), and the last currency spelling.
        let skuCache = ShortFieldCache()
        let channelCache = ShortFieldCache()
        var lastCurrency = Field()
        var lastCurrencyIndex: UInt8 = 0
        var lastCustomer = Field()
        var lastCustomerIndex: Int32 = -1
        var lastChannel = Field()
        var lastChannelIndex: Int32 = -1
        /// The order being assembled: its `order_id` (named orders), customer and currency.
        var pendingID: Field?
        var pendingCustomer: Int32 = -1
        var pendingCurrency: UInt8 = 0
        var hasPending = false
        /// For rows without `order_id`: the last customer and time, and how many rows had them.
        var lastAnonymousCustomer: Int32 = -1
        var lastAnonymousTime = Int64.min
        var lastAnonymousN = 0
        var keyScratch: [UInt8] = []

        init(parser: PlainCSVChunkParser, bytes: UnsafeBufferPointer<UInt8>) {
            self.parser = parser
            self.bytes = bytes
            text = FieldBytes(bytes: bytes)
            slots = Slots(parser.columns)
            latestAllowed = parser.latestAllowed
            fields = .allocate(capacity: parser.columns.count)
            fields.initialize(repeating: Field())
            // Room for as many rows as the bytes could hold at 40 bytes a row (more than any real row needs):
            // growing the columns row by row would copy them and touch fresh pages repeatedly. Capacity never
            // written is never resident.
            let rows = bytes.count / 40 + 16
            chunk.orders.keyHigh.reserveCapacity(rows)
            chunk.orders.keyLow.reserveCapacity(rows)
            chunk.orders.customer.reserveCapacity(rows)
            chunk.orders.placedAt.reserveCapacity(rows)
            chunk.orders.totalMinor.reserveCapacity(rows)
            chunk.orders.currency.reserveCapacity(rows)
            chunk.orders.channel.reserveCapacity(rows)
            chunk.orders.namesEmail.reserveCapacity(rows)
            chunk.orders.lineEnd.reserveCapacity(rows)
            chunk.orders.lineSKU.reserveCapacity(rows)
        }

        mutating func run() throws(Irregular) {
            // One pass over the bytes, eight at a time: a word's bytes below 0x2D (comma, line end, quote,
            // control bytes — and spaces and some punctuation, which need nothing) are flagged exactly
            // (`belowComma`) and handled in order; letters, digits, `-`, `.`, `:` and `@` cost nothing.
            var split = LineSplit(expected: fields.count)
            let count = bytes.count
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            var position = 0
            while position + 8 <= count {
                var flagged = Self.belowComma(raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                while flagged != 0 {
                    try separator(at: position + flagged.trailingZeroBitCount >> 3, &split)
                    flagged &= flagged &- 1
                }
                position += 8
            }
            while position < count {
                if bytes[position] < 0x2D { try separator(at: position, &split) }
                position += 1
            }
            if split.lineStart < count { try endLine(at: count, &split) }
        }

        /// Where the line being split stands: its start, its current field's start and how many fields
        /// it has so far.
        private struct LineSplit {
            let expected: Int
            var lineStart = 0
            var fieldStart = 0
            var field = 0
        }

        /// The high bit of every byte of `word` (little-endian) below 0x2D, exactly: bytes from 0x80 up
        /// are not flagged, and the sum of a byte's low seven bits and 0x53 never carries into the next.
        @inline(__always)
        private static func belowComma(_ word: UInt64) -> UInt64 {
            let low = 0x7F7F_7F7F_7F7F_7F7F as UInt64
            let atLeast = (UInt64(littleEndian: word) & low) &+ 0x5353_5353_5353_5353  // high bit: byte ≥ 0x2D
            return ~(atLeast | UInt64(littleEndian: word)) & 0x8080_8080_8080_8080
        }

        /// A byte below 0x2D at `index`: a comma ends a field, a line feed a line; a quote or a control byte
        /// (other than a carriage return before a line feed or at the end) gives up.
        @inline(__always)
        private mutating func separator(at index: Int, _ split: inout LineSplit) throws(Irregular) {
            let byte = bytes[index]
            if byte == 0x2C {
                guard split.field < split.expected - 1 else {
                    throw Irregular(reason: "a row has more columns than the header")
                }
                fields[split.field] = Field(start: split.fieldStart, end: index)
                split.field += 1
                split.fieldStart = index + 1
            } else if byte == 0x0A {
                try endLine(at: index, &split)
            } else if byte < 0x20 || byte == 0x22 {
                let isLineEnd = byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] == 0x0A)
                if !isLineEnd { throw Irregular(reason: "a row has a quote or a control character") }
            }
        }

        /// The line being split ends at `end` (its line feed, or the end of the bytes): a blank line is
        /// skipped, any other is a row.
        private mutating func endLine(at end: Int, _ split: inout LineSplit) throws(Irregular) {
            var lastEnd = end
            if lastEnd > split.fieldStart && bytes[lastEnd - 1] == 0x0D { lastEnd -= 1 }
            let field = split.field
            let fieldStart = split.fieldStart
            split = LineSplit(expected: split.expected, lineStart: end + 1, fieldStart: end + 1, field: 0)
            if field == 0 && lastEnd == fieldStart { return }  // a blank line
            guard field == split.expected - 1 else { throw Irregular(reason: "a row has fewer columns than the header") }
            fields[field] = Field(start: fieldStart, end: lastEnd)
            chunk.rows += 1
            try row()
        }

        // MARK: One row

        private mutating func row() throws(Irregular) {
            let c = slots
            let customerField = text.trimmed(fields[c.customer])
            guard !customerField.isEmpty else { throw Irregular(reason: "customer_id is empty") }
            let customer = try customerIndex(customerField)
            let placedAt: Int64
            if let seconds = try text.utcInstant(fields[c.date], cache: &dayCache) {
                placedAt = seconds
            } else {
                placedAt = try parser.instant(fields[c.date], in: text)
            }
            var currency = try currencyIndex(c.currency >= 0 ? text.trimmed(fields[c.currency]) : Field())
            let digits = chunk.orders.currencies[Int(currency)].minorUnitDigits
            let amount = try text.amount(fields[c.amount], digits: digits)
            if c.quantity >= 0 { try text.checkQuantity(fields[c.quantity]) }
            var namesEmail = false
            let email = c.email >= 0 ? text.trimmed(fields[c.email]) : Field()
            if !email.isEmpty {
                if lastEmail.isEmpty || !text.same(email, lastEmail) {
                    try text.checkEmail(email)
                    lastEmail = email
                }
                namesEmail = true
            }
            let orderID = c.orderID >= 0 ? text.trimmed(fields[c.orderID]) : Field()
            let channel = try channelIndex(c.channel >= 0 ? text.trimmed(fields[c.channel]) : Field())
            let sku = try skuIndex(c.sku >= 0 ? text.trimmed(fields[c.sku]) : Field())

            if !orderID.isEmpty, hasPending, let pendingID, text.same(pendingID, orderID) {
                // A further line item of the pending order.
                guard customer == pendingCustomer else { throw Irregular(reason: "an order's rows name two customers") }
                if currency != pendingCurrency {
                    guard chunk.orders.currencies[Int(currency)] == chunk.orders.currencies[Int(pendingCurrency)] else {
                        throw Irregular(reason: "an order's rows name two currencies")
                    }
                    currency = pendingCurrency
                }
                let o = chunk.orders.count - 1
                chunk.orders.totalMinor[o] += amount
                chunk.orders.lineSKU.append(sku)
                chunk.orders.lineEnd[o] += 1
                return
            }
            guard placedAt >= 631_152_000 else { throw Irregular(reason: "an order is placed before 1990") }
            guard Date(timeIntervalSince1970: TimeInterval(placedAt)) <= latestAllowed else {
                throw Irregular(reason: "an order is in the future")
            }
            let key: (high: UInt64, low: UInt64)
            if orderID.isEmpty {
                chunk.sawAnonymous = true
                key = try anonymousKey(customer: customerField, customerIndex: customer, seconds: placedAt)
                pendingID = nil
            } else {
                chunk.sawNamed = true
                key = try text.idHash(orderID)
                pendingID = orderID
            }
            hasPending = true
            pendingCustomer = customer
            pendingCurrency = currency
            chunk.orders.keyHigh.append(key.high)
            chunk.orders.keyLow.append(key.low)
            chunk.orders.customer.append(customer)
            chunk.orders.placedAt.append(placedAt)
            chunk.orders.totalMinor.append(amount)
            chunk.orders.currency.append(currency)
            chunk.orders.channel.append(channel)
            chunk.orders.namesEmail.append(namesEmail)
            chunk.orders.lineSKU.append(sku)
            chunk.orders.lineEnd.append(Int32(chunk.orders.lineSKU.count))
            if orderID.isEmpty { hasPending = false }
        }

        // MARK: Fields






        private mutating func customerIndex(_ field: Field) throws(Irregular) -> Int32 {
            if lastCustomerIndex >= 0 && text.same(field, lastCustomer) { return lastCustomerIndex }
            let (index, isNew) = customers.intern(text.buffer(field))
            if isNew {
                try text.checkID(field)
                chunk.orders.customerIDs.append(String(decoding: text.buffer(field), as: UTF8.self))
            }
            lastCustomer = field
            lastCustomerIndex = index
            return index
        }

        private mutating func channelIndex(_ field: Field) throws(Irregular) -> Int32 {
            if field.isEmpty { return -1 }
            if lastChannelIndex >= 0 && text.same(field, lastChannel) { return lastChannelIndex }
            let key = ShortFieldCache.key(start: field.start, count: field.count, in: bytes)
            if let key, let index = channelCache.index(of: key) {
                lastChannel = field
                lastChannelIndex = index
                return index
            }
            guard field.count <= 100 else { throw Irregular(reason: "a channel is longer than 100 bytes") }
            let (index, isNew) = channels.intern(text.buffer(field))
            if isNew { chunk.orders.channels.append(try text.string(field)) }
            if let key { channelCache.remember(key, index: index) }
            lastChannel = field
            lastChannelIndex = index
            return index
        }

        private mutating func skuIndex(_ field: Field) throws(Irregular) -> Int32 {
            if field.isEmpty { return -1 }
            let key = ShortFieldCache.key(start: field.start, count: field.count, in: bytes)
            if let key, let index = skuCache.index(of: key) { return index }
            guard field.count <= 255 else { throw Irregular(reason: "a SKU is longer than 255 bytes") }
            let (index, isNew) = skus.intern(text.buffer(field))
            if isNew { chunk.orders.skus.append(try text.string(field)) }
            if let key { skuCache.remember(key, index: index) }
            return index
        }


        private mutating func currencyIndex(_ field: Field) throws(Irregular) -> UInt8 {
            guard !field.isEmpty else { return try currencyIndex(of: parser.defaultCurrency) }
            if !lastCurrency.isEmpty && text.same(field, lastCurrency) { return lastCurrencyIndex }
            let (spelling, isNew) = currencySpellings.intern(text.buffer(field))
            if isNew {
                guard let code = String(validating: text.buffer(field), as: UTF8.self).flatMap({ CurrencyCode($0.uppercased()) })
                else { throw Irregular(reason: "a currency is not an ISO 4217 code") }
                currencyOfSpelling.append(try currencyIndex(of: code))
            }
            lastCurrency = field
            lastCurrencyIndex = currencyOfSpelling[Int(spelling)]
            return lastCurrencyIndex
        }

        private mutating func currencyIndex(of code: CurrencyCode) throws(Irregular) -> UInt8 {
            if let index = chunk.orders.currencies.firstIndex(of: code) { return UInt8(index) }
            guard chunk.orders.currencies.count < 255 else { throw Irregular(reason: "too many currencies") }
            chunk.orders.currencies.append(code)
            return UInt8(chunk.orders.currencies.count - 1)
        }






        /// `csv:<customer_id>:<Unix seconds>:<n>`, n counting the rows of that customer at that time.
        private mutating func anonymousKey(customer: Field, customerIndex: Int32, seconds: Int64) throws(Irregular)
            -> (high: UInt64, low: UInt64)
        {
            var n = 1
            if lastAnonymousCustomer == customerIndex && lastAnonymousTime == seconds { n = lastAnonymousN + 1 }
            lastAnonymousCustomer = customerIndex
            lastAnonymousTime = seconds
            lastAnonymousN = n
            keyScratch.removeAll(keepingCapacity: true)
            keyScratch.append(contentsOf: "csv:".utf8)
            keyScratch.append(contentsOf: text.buffer(customer))
            keyScratch.append(UInt8(ascii: ":"))
            keyScratch.append(contentsOf: String(seconds).utf8)
            keyScratch.append(UInt8(ascii: ":"))
            keyScratch.append(contentsOf: String(n).utf8)
            guard keyScratch.count <= 255 else { throw Irregular(reason: "an order key is longer than 255 bytes") }
            return keyScratch.withUnsafeBufferPointer { ExternalIDHash.hash($0) }
        }
    }
}

/// The first day (days since 1970-01-01) and the length of every month `CivilDate` accepts (years 1900–2999),
/// computed once: a row's date then costs a table read instead of the calendar arithmetic (a customer's rows
/// are on different days, so the day cache below rarely hits).
private enum MonthStarts {
    private static let firstYear = 1900
    private static let table: [(day: Int, length: Int)] = (firstYear...2999).flatMap { year in
        (1...12).map { month in
            (CivilDate.daysSinceEpoch(year: year, month: month, day: 1), CivilDate.daysInMonth(year: year, month: month))
        }
    }

    /// The month's first day and length; `nil` for a year or month `CivilDate` does not accept.
    @inline(__always)
    static func firstDay(year: Int, month: Int) -> (day: Int, length: Int)? {
        guard year >= firstYear && year <= 2999 && month >= 1 && month <= 12 else { return nil }
        return table[(year - firstYear) * 12 + month - 1]
    }
}

/// The bytes of the last `YYYY-MM-DD` read as a calendar date, and its day number; and the last whole
/// `YYYY-MM-DDTHH:MM:SSZ` read (as three overlapping words: bytes 0–7, 8–15 and 12–19) and its instant — an
/// order's further rows repeat it.
private struct DayCache {
    var prefix: UInt64 = 0
    var suffix: UInt16 = 0
    var days = 0
    var isSet = false
    var middle: UInt64 = 0
    var last: UInt64 = 0
    var seconds: Int64 = 0
    var hasInstant = false

    /// The whole date-time with these bytes 8–15 and 12–19 (bytes 0–7 are `prefix`) is `seconds`.
    mutating func remember(middle: UInt64, last: UInt64, seconds: Int64) {
        self.middle = middle
        self.last = last
        self.seconds = seconds
        hasInstant = true
    }
}

/// Where a field lies in a piece's bytes.
private struct Field {
    var start = 0
    var end = 0
    var isEmpty: Bool { start == end }
    var count: Int { end - start }
}

/// A piece's bytes and the readings of its fields: a trivially copyable value, so helpers called per field
/// copy no reference-counted state.
private struct FieldBytes {
    let bytes: UnsafeBufferPointer<UInt8>

    func trimmed(_ field: Field) -> Field {
        var f = field
        while f.start < f.end && bytes[f.start] == 0x20 { f.start += 1 }
        while f.end > f.start && bytes[f.end - 1] == 0x20 { f.end -= 1 }
        return f
    }
    func buffer(_ field: Field) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[field.start..<field.end])
    }
    @inline(__always)
    func same(_ a: Field, _ b: Field) -> Bool {
        guard a.count == b.count else { return false }
        var i = 0
        if a.count >= 8 {
            // Eight bytes at a time (ids and e-mails are mostly longer than eight bytes).
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            while i + 8 <= a.count {
                if raw.loadUnaligned(fromByteOffset: a.start + i, as: UInt64.self)
                    != raw.loadUnaligned(fromByteOffset: b.start + i, as: UInt64.self)
                {
                    return false
                }
                i += 8
            }
        }
        while i < a.count {
            if bytes[a.start + i] != bytes[b.start + i] { return false }
            i += 1
        }
        return true
    }
    /// An external id's rules (`Rules.externalID`): at most 255 bytes, no control characters; ASCII only
    /// here (anything else goes to the full reader, which checks UTF-8 and C1 controls).
    func checkID(_ field: Field) throws(PlainCSVChunkParser.Irregular) {
        guard field.count <= 255 else { throw PlainCSVChunkParser.Irregular(reason: "an id is longer than 255 bytes") }
        for i in field.start..<field.end {
            let byte = bytes[i]
            if byte < 0x20 || byte >= 0x7F { throw PlainCSVChunkParser.Irregular(reason: "an id is not plain ASCII") }
        }
    }
    func string(_ field: Field) throws(PlainCSVChunkParser.Irregular) -> String {
        guard let value = String(validating: buffer(field), as: UTF8.self) else {
            throw PlainCSVChunkParser.Irregular(reason: "a field is not valid UTF-8")
        }
        return value
    }
    /// `DecimalAmount.parse` for plain `digits[.digits]` (spaces trimmed), not negative; anything else
    /// (signs, too many digits) is left to the full reader.
    func amount(_ field: Field, digits: Int) throws(PlainCSVChunkParser.Irregular) -> Int64 {
        let f = trimmed(field)
        guard !f.isEmpty, f.count <= 18 else { throw PlainCSVChunkParser.Irregular(reason: "an amount is empty or unusual") }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDot = false
        var seenDigit = false
        for i in f.start..<f.end {
            let byte = bytes[i]
            if byte == 0x2E {
                if seenDot { throw PlainCSVChunkParser.Irregular(reason: "an amount is not a number") }
                seenDot = true
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { throw PlainCSVChunkParser.Irregular(reason: "an amount is not a plain number") }
            seenDigit = true
            let digit = Int64(byte - 0x30)
            if seenDot {
                fractionDigits += 1
                if fractionDigits > digits {
                    if digit != 0 { throw PlainCSVChunkParser.Irregular(reason: "an amount has too many decimals") }
                    continue
                }
                fraction = fraction * 10 + digit
            } else {
                whole = whole * 10 + digit
            }
        }
        guard seenDigit, whole <= 1_000_000_000_000_000 else { throw PlainCSVChunkParser.Irregular(reason: "an amount is unusual") }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        for _ in min(fractionDigits, digits)..<digits { fraction *= 10 }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
        guard !overflow else { throw PlainCSVChunkParser.Irregular(reason: "an amount is too large") }
        return scaled + fraction
    }
    /// `quantity`: blank (1), or 1…100000 written as plain digits.
    func checkQuantity(_ field: Field) throws(PlainCSVChunkParser.Irregular) {
        if field.isEmpty { return }
        guard field.count <= 6 else { throw PlainCSVChunkParser.Irregular(reason: "a quantity is unusual") }
        var value = 0
        for i in field.start..<field.end {
            let byte = bytes[i]
            guard byte >= 0x30 && byte <= 0x39 else { throw PlainCSVChunkParser.Irregular(reason: "a quantity is not plain digits") }
            value = value * 10 + Int(byte - 0x30)
        }
        guard value >= 1 && value <= 100_000 else { throw PlainCSVChunkParser.Irregular(reason: "a quantity is out of range") }
    }
    /// `Rules.isPlausibleEmail` on the bytes (ASCII only here).
    func checkEmail(_ field: Field) throws(PlainCSVChunkParser.Irregular) {
        guard field.count <= 254 else { throw PlainCSVChunkParser.Irregular(reason: "an e-mail is too long") }
        var at = -1
        var lastDot = -1
        var firstDomainDot = -1
        for i in field.start..<field.end {
            let byte = bytes[i]
            let index = i - field.start
            switch byte {
            case UInt8(ascii: "@"):
                if at >= 0 { throw PlainCSVChunkParser.Irregular(reason: "an e-mail is not plausible") }
                at = index
            case UInt8(ascii: "."):
                if at >= 0 {
                    if firstDomainDot < 0 { firstDomainDot = index }
                    lastDot = index
                }
            case 0x20: throw PlainCSVChunkParser.Irregular(reason: "an e-mail is not plausible")
            default:
                if byte >= 0x80 { throw PlainCSVChunkParser.Irregular(reason: "an e-mail is not plain ASCII") }
            }
        }
        let count = field.count
        guard at > 0, count - at - 1 >= 3, firstDomainDot > at + 1, lastDot < count - 1 else {
            throw PlainCSVChunkParser.Irregular(reason: "an e-mail is not plausible")
        }
    }
    /// The instant of a `YYYY-MM-DDTHH:MM:SSZ` field, whole UTC seconds; `nil` for every other form (read
    /// by `TimestampText` and the shop's calendar, as the importer reads it).
    func utcInstant(_ field: Field, cache: inout DayCache) throws(PlainCSVChunkParser.Irregular) -> Int64? {
        guard field.count == 20 && bytes[field.start + 19] == UInt8(ascii: "Z") else { return nil }
        let s = field.start
        let bytes = self.bytes
        // The same `YYYY-MM-DD` as the last date: its day number is known (the rest is read as below).
        let raw = UnsafeRawPointer(bytes.baseAddress! + s)
        let prefix = raw.loadUnaligned(as: UInt64.self)
        let middle = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let last = raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self)
        if cache.hasInstant && cache.prefix == prefix && cache.middle == middle && cache.last == last {
            return cache.seconds
        }
        let suffix = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        if cache.isSet && cache.prefix == prefix && cache.suffix == suffix {
            @inline(__always) func digit(_ i: Int) -> Int {
                let byte = bytes[s + i]
                return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : -1_000_000
            }
            let hour = digit(11) * 10 + digit(12)
            let minute = digit(14) * 10 + digit(15)
            let second = digit(17) * 10 + digit(18)
            guard bytes[s + 10] == UInt8(ascii: "T") && bytes[s + 13] == 0x3A && bytes[s + 16] == 0x3A
                && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 61
            else { return nil }
            let seconds = Int64(cache.days * 86_400 + hour * 3600 + minute * 60 + min(second, 59))
            cache.remember(middle: middle, last: last, seconds: seconds)
            return seconds
        }
        @inline(__always) func digit(_ i: Int) -> Int {
            let byte = bytes[s + i]
            return byte >= 0x30 && byte <= 0x39 ? Int(byte - 0x30) : -1_000_000
        }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12)
        let minute = digit(14) * 10 + digit(15)
        let second = digit(17) * 10 + digit(18)
        guard bytes[s + 4] == 0x2D && bytes[s + 7] == 0x2D && bytes[s + 10] == UInt8(ascii: "T")
            && bytes[s + 13] == 0x3A && bytes[s + 16] == 0x3A && year >= 0 && month >= 0 && day >= 0
            && hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && second >= 0 && second < 61
        else { return nil }
        let days: Int
        if let start = MonthStarts.firstDay(year: year, month: month) {
            // `CivilDate(year:month:day:)`'s rule for a year and month it accepts: 1 ≤ day ≤ the month's length.
            guard day >= 1 && day <= start.length else {
                throw PlainCSVChunkParser.Irregular(reason: "a date is not a calendar date")
            }
            days = start.day + day - 1
        } else {
            guard CivilDate(year: year, month: month, day: day) != nil else {
                throw PlainCSVChunkParser.Irregular(reason: "a date is not a calendar date")
            }
            days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        }
        let seconds = Int64(days * 86_400 + hour * 3600 + minute * 60 + min(second, 59))
        cache = DayCache(prefix: prefix, suffix: suffix, days: days, isSet: true)
        cache.remember(middle: middle, last: last, seconds: seconds)
        return seconds
    }

    func idHash(_ field: Field) throws(PlainCSVChunkParser.Irregular) -> (high: UInt64, low: UInt64) {
        try checkID(field)
        return ExternalIDHash.hash(buffer(field))
    }
}
