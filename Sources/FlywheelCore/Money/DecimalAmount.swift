/// Exact conversion between decimal text ("19.99") and integer minor units, without floating point.
public enum DecimalAmount {
    /// Why a decimal text could not be read as an amount.
    public enum ParseFailure: Error, Equatable, Sendable, CustomStringConvertible {
        case empty
        case notANumber
        case tooManyDecimals(allowed: Int)
        case tooLarge

        public var description: String {
            switch self {
            case .empty: "is empty"
            case .notANumber: "is not a decimal number (use digits with '.' as decimal separator, e.g. 12.50)"
            case .tooManyDecimals(let allowed): "has more than \(allowed) decimal places"
            case .tooLarge: "is too large"
            }
        }
    }

    /// Parses `-12.5`, `12`, `+0.99` into minor units with `digits` decimals. Surrounding spaces are ignored.
    public static func parse(_ text: Substring, digits: Int) -> Result<Int64, ParseFailure> {
        parse(bytes: text.utf8, digits: digits)
    }

    /// Parses UTF-8 bytes; see `parse(_:digits:)`.
    public static func parse<Bytes: BidirectionalCollection<UInt8>>(bytes text: Bytes, digits: Int) -> Result<
        Int64, ParseFailure
    > where Bytes.SubSequence == Bytes {
        var bytes = text
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return .failure(.empty) }
        var negative = false
        if bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") {
            negative = bytes.first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        var whole: Int64 = 0
        var fraction: Int64 = 0
        var fractionDigits = 0
        var seenDot = false
        var seenDigit = false
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                if seenDot { return .failure(.notANumber) }
                seenDot = true
                continue
            }
            guard byte >= 0x30 && byte <= 0x39 else { return .failure(.notANumber) }
            seenDigit = true
            let digit = Int64(byte - 0x30)
            if seenDot {
                fractionDigits += 1
                if fractionDigits > digits {
                    if digit != 0 { return .failure(.tooManyDecimals(allowed: digits)) }
                    continue  // trailing zeros beyond the currency's digits are harmless: 12.500
                }
                fraction = fraction * 10 + digit
            } else {
                let (times10, o1) = whole.multipliedReportingOverflow(by: 10)
                let (next, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 || next > 1_000_000_000_000_000 { return .failure(.tooLarge) }
                whole = next
            }
        }
        guard seenDigit else { return .failure(.notANumber) }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        var fractionScaled = fraction
        for _ in min(fractionDigits, digits)..<digits { fractionScaled *= 10 }
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: scale)
        if overflow { return .failure(.tooLarge) }
        let value = scaled + fractionScaled
        return .success(negative ? -value : value)
    }

    /// Formats minor units as a decimal string: `format(1999, digits: 2)` is `19.99`.
    public static func format(_ minorUnits: Int64, digits: Int) -> String {
        guard digits > 0 else { return String(minorUnits) }
        var scale: Int64 = 1
        for _ in 0..<digits { scale *= 10 }
        let magnitude = minorUnits.magnitude
        let whole = magnitude / UInt64(scale)
        var fraction = String(magnitude % UInt64(scale))
        while fraction.count < digits { fraction = "0" + fraction }
        return (minorUnits < 0 ? "-" : "") + "\(whole).\(fraction)"
    }
}
