import FlywheelCore
/// Appends numbers, dates and ids to a byte buffer by hand: the CSV writer formats tens of millions of rows,
/// and `String` interpolation or Foundation formatters per row would dominate its time.
enum ByteFormatting {
    /// `value` (≥ 0) in decimal, left-padded with zeros to at least `width` digits.
    @inline(__always)
    static func appendDecimal(_ value: Int, width: Int = 1, to out: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes, written right to left
        var count = 0
        var v = UInt64(value)
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[23 - count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            } while v > 0
            while count < width && count < 24 {
                buffer[23 - count] = 48
                count += 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)..<24]))
        }
    }

    /// Cents as a decimal with two places: `2490` → `24.90`, `-5` → `-0.05`.
    @inline(__always)
    static func appendCents(_ cents: Int64, to out: inout [UInt8]) {
        if cents < 0 { out.append(UInt8(ascii: "-")) }
        let magnitude = Int(cents.magnitude)
        appendDecimal(magnitude / 100, to: &out)
        out.append(UInt8(ascii: "."))
        appendTwoDigits(magnitude % 100, to: &out)
    }

    @inline(__always)
    static func appendTwoDigits(_ value: Int, to out: inout [UInt8]) {
        out.append(UInt8(48 + value / 10))
        out.append(UInt8(48 + value % 10))
    }

    /// A UTC instant as `2025-03-14T09:41:07Z`.
    @inline(__always)
    static func appendTimestamp(_ utcSeconds: Int64, to out: inout [UInt8]) {
        let days = ShopClock.floorDiv(utcSeconds, 86_400)
        let seconds = Int(utcSeconds - days * 86_400)
        let date = CivilDate.components(daysSinceEpoch: Int(days))
        appendDecimal(date.year, width: 4, to: &out)
        out.append(UInt8(ascii: "-"))
        appendTwoDigits(date.month, to: &out)
        out.append(UInt8(ascii: "-"))
        appendTwoDigits(date.day, to: &out)
        out.append(UInt8(ascii: "T"))
        appendTwoDigits(seconds / 3_600, to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(seconds / 60 % 60, to: &out)
        out.append(UInt8(ascii: ":"))
        appendTwoDigits(seconds % 60, to: &out)
        out.append(UInt8(ascii: "Z"))
    }
}
