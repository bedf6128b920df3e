import Foundation
import FlywheelCore

/// Reads typed values out of a record's fields, turning every problem into a `RowRejection` that names
/// the line, the column and the reason.
struct FieldParsing {
    let record: Record
    let calendar: ShopCalendar

    var line: Int { record.line }

    func reject(_ field: String, _ reason: String) -> RowRejection {
        RowRejection(line: record.line, field: field, reason: reason)
    }

    /// The field as text; `nil` when the column is absent or blank. Rejects invalid UTF-8.
    func text(_ index: Int?, _ name: String) throws(RowRejection) -> String? {
        guard let index, index < record.count else { return nil }
        var bytes = record.bytes(index)
        while let first = bytes.first, first == 0x20 || first == 0x09 { bytes = bytes.dropFirst() }
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        if bytes.isEmpty { return nil }
        let value: String? = bytes.withUnsafeBufferPointer { buffer in
            // Most fields are ASCII: decoding them needs no validation (and skips the generic validating
            // initialiser, which costs a metadata lookup per call on this hot path).
            var ascii = true
            for byte in buffer where byte >= 0x80 {
                ascii = false
                break
            }
            return ascii ? String(decoding: buffer, as: UTF8.self) : String(validating: buffer, as: UTF8.self)
        }
        guard let value else {
            throw reject(name, "is not valid UTF-8 (convert the file to UTF-8, e.g. iconv -f latin1 -t utf-8)")
        }
        return value
    }

    func requiredText(_ index: Int?, _ name: String) throws(RowRejection) -> String {
        guard let value = try text(index, name) else { throw reject(name, "is empty") }
        return value
    }

    /// An amount in minor units; rejects negatives unless `allowNegative`.
    func amount(_ index: Int?, _ name: String, digits: Int, required: Bool = true) throws(RowRejection) -> Int64? {
        guard let index, index < record.count, !record.isBlank(index) else {
            if required { throw reject(name, "is empty") }
            return nil
        }
        switch DecimalAmount.parse(bytes: record.bytes(index), digits: digits) {
        case .success(let value):
            guard value >= 0 else { throw reject(name, "must not be negative") }
            return value
        case .failure(let failure):
            throw reject(name, failure.description)
        }
    }

    /// A date or date-time as a UTC instant (zone-less times in the shop's zone).
    func instant(_ index: Int?, _ name: String, required: Bool = true) throws(RowRejection) -> Date? {
        guard let index, index < record.count, !record.isBlank(index) else {
            if required { throw reject(name, "is empty") }
            return nil
        }
        guard let parsed = TimestampText.parse(bytes: record.bytes(index)) else {
            throw reject(name, "is not a valid date or date-time (use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS±HH:MM)")
        }
        return calendar.instant(of: parsed)
    }

    /// A whole number in `range`.
    func integer(_ index: Int?, _ name: String, in range: ClosedRange<Int>, default value: Int? = nil) throws(RowRejection)
        -> Int
    {
        guard let index, index < record.count, !record.isBlank(index) else {
            if let value { return value }
            throw reject(name, "is empty")
        }
        var result = 0
        var digits = 0
        var negative = false
        for (offset, byte) in record.bytes(index).enumerated() {
            if byte == 0x20 { continue }
            if offset == 0 && byte == UInt8(ascii: "-") {
                negative = true
                continue
            }
            guard byte >= 0x30 && byte <= 0x39, digits < 12 else { throw reject(name, "is not a whole number") }
            result = result * 10 + Int(byte - 0x30)
            digits += 1
        }
        guard digits > 0 else { throw reject(name, "is not a whole number") }
        if negative { result = -result }
        guard range.contains(result) else {
            throw reject(name, "must be \(range.lowerBound) to \(range.upperBound)")
        }
        return result
    }

    /// Runs the domain's validation and turns its first issue into a rejection on this line.
    func validated(_ check: () throws(ValidationError) -> Void) throws(RowRejection) {
        do { try check() } catch {
            let first = error.issues.first ?? ValidationIssue(field: "record", reason: "is invalid")
            let more = error.issues.count > 1 ? " (and \(error.issues.count - 1) more)" : ""
            throw reject(first.field, first.reason + more)
        }
    }
}
