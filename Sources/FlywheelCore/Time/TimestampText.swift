/// Reads the date and time forms that shop exports use, without Foundation's slow formatters:
/// `20240305`, `2024-03-05`, `2024-03-05 14:30`, `2024-03-05T14:30:00`, `2024-03-05 14:30:00 +0100`,
/// `2024-03-05T14:30:00.123+01:00`, `2024-03-05T13:30:00Z`.
public enum TimestampText: Sendable, Equatable {
    /// A date alone; its instant depends on the shop's time zone.
    case date(CivilDate)
    /// A wall-clock time; `utcOffsetSeconds` is `nil` when the text named no zone (then the shop's applies).
    case dateTime(CivilDate, secondsOfDay: Int, utcOffsetSeconds: Int?)

    /// Parses one of the accepted forms, or returns `nil`.
    public static func parse(_ text: Substring) -> TimestampText? { parse(bytes: Array(text.utf8)[...]) }

    /// Parses UTF-8 bytes; see `parse(_:)`.
    public static func parse(bytes: ArraySlice<UInt8>) -> TimestampText? {
        var scanner = Scanner(bytes)
        scanner.skipSpaces()
        guard let year = scanner.digits(4) else { return nil }
        let dashed = scanner.eat(UInt8(ascii: "-"))
        guard let month = scanner.digits(2) else { return nil }
        if dashed { guard scanner.eat(UInt8(ascii: "-")) else { return nil } }
        guard let day = scanner.digits(2), let date = CivilDate(year: year, month: month, day: day) else { return nil }
        scanner.skipSpaces()
        if scanner.atEnd { return .date(date) }
        _ = scanner.eat(UInt8(ascii: "T"))
        scanner.skipSpaces()
        guard let hour = scanner.digits(2), hour < 24, scanner.eat(UInt8(ascii: ":")), let minute = scanner.digits(2),
            minute < 60
        else { return nil }
        var second = 0
        if scanner.eat(UInt8(ascii: ":")) {
            guard let s = scanner.digits(2), s < 61 else { return nil }
            second = min(s, 59)
            if scanner.eat(UInt8(ascii: ".")) || scanner.eat(UInt8(ascii: ",")) {
                guard scanner.skipDigits() > 0 else { return nil }
            }
        }
        let secondsOfDay = hour * 3600 + minute * 60 + second
        scanner.skipSpaces()
        if scanner.atEnd { return .dateTime(date, secondsOfDay: secondsOfDay, utcOffsetSeconds: nil) }
        if scanner.eat(UInt8(ascii: "Z")) || scanner.eatWord("UTC") {
            scanner.skipSpaces()
            return scanner.atEnd ? .dateTime(date, secondsOfDay: secondsOfDay, utcOffsetSeconds: 0) : nil
        }
        let sign: Int
        if scanner.eat(UInt8(ascii: "+")) { sign = 1 } else if scanner.eat(UInt8(ascii: "-")) { sign = -1 } else {
            return nil
        }
        guard let offHours = scanner.digits(2), offHours <= 14 else { return nil }
        _ = scanner.eat(UInt8(ascii: ":"))
        let offMinutes = scanner.digits(2) ?? 0
        guard offMinutes < 60 else { return nil }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return .dateTime(date, secondsOfDay: secondsOfDay, utcOffsetSeconds: sign * (offHours * 3600 + offMinutes * 60))
    }

    private struct Scanner {
        let bytes: ArraySlice<UInt8>
        var index: Int
        init(_ bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            self.index = bytes.startIndex
        }
        var atEnd: Bool { index == bytes.endIndex }
        mutating func skipSpaces() { while index < bytes.endIndex, bytes[index] == 0x20 { index += 1 } }
        mutating func eat(_ byte: UInt8) -> Bool {
            guard index < bytes.endIndex, bytes[index] == byte else { return false }
            index += 1
            return true
        }
        mutating func eatWord(_ word: String) -> Bool {
            let w = Array(word.utf8)
            guard index + w.count <= bytes.endIndex, Array(bytes[index..<index + w.count]) == w else { return false }
            index += w.count
            return true
        }
        mutating func digits(_ n: Int) -> Int? {
            guard index + n <= bytes.endIndex else { return nil }
            var value = 0
            for i in index..<index + n {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            index += n
            return value
        }
        mutating func skipDigits() -> Int {
            let start = index
            while index < bytes.endIndex, bytes[index] >= 0x30 && bytes[index] <= 0x39 { index += 1 }
            return index - start
        }
    }
}
