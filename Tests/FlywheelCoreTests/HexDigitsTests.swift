import FlywheelCore
import Testing

@Suite("HexDigits: fixed-width lower-case hex")
struct HexDigitsTests {
    @Test("zero-padded to the width, only the low bits kept, order of numbers kept as text")
    func padded() {
        #expect(HexDigits.padded(0, digits: 12) == "000000000000")
        #expect(HexDigits.padded(0xAB, digits: 4) == "00ab")
        #expect(HexDigits.padded(0x1_2345, digits: 4) == "2345")
        #expect(HexDigits.padded(UInt64.max, digits: 16) == "ffffffffffffffff")
        #expect(HexDigits.padded(UInt64.max, digits: 1) == "f")
        let values: [UInt64] = [0, 9, 10, 255, 256, 4_095, 1 << 40]
        #expect(values.map { HexDigits.padded($0, digits: 12) } == values.map { HexDigits.padded($0, digits: 12) }.sorted())
    }
}
