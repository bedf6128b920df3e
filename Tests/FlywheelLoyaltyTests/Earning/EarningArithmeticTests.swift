import Testing

@testable import FlywheelLoyalty

@Suite("EarningArithmetic: full-width products, rounding down, pro-rata allocation")
struct EarningArithmeticTests {
    @Test("floor(a × b ÷ c), 0 for non-positive inputs, no overflow on large products")
    func multiplyDivide() {
        #expect(EarningArithmetic.multiplyDivide(999, 1, 100) == 9)
        #expect(EarningArithmetic.multiplyDivide(-5, 1, 1) == 0)
        #expect(EarningArithmetic.multiplyDivide(5, 0, 1) == 0)
        #expect(EarningArithmetic.multiplyDivide(Int64.max, 10, 10) == Int64.max)
        #expect(EarningArithmetic.multiplyDivide(Int64.max, 2, 1) == Int64.max)
    }

    @Test("a discount of 1.00 over three lines of 10.00: 34, 33, 33 (left-over cent to the first line)")
    func allocateRemainder() {
        #expect(EarningArithmetic.allocate(100, over: [1000, 1000, 1000]) == [34, 33, 33])
        #expect(EarningArithmetic.allocate(1000, over: [3000, 7000]) == [300, 700])
        #expect(EarningArithmetic.allocate(2, over: [0, 5, 5]) == [0, 1, 1])
        #expect(EarningArithmetic.allocate(7, over: [0, 0]) == [0, 0])
        #expect(EarningArithmetic.allocate(0, over: [1, 2]) == [0, 0])
    }

    @Test("powers of ten for 0, 2 and 3 minor-unit digits")
    func powers() {
        #expect(EarningArithmetic.powerOfTen(0) == 1)
        #expect(EarningArithmetic.powerOfTen(2) == 100)
        #expect(EarningArithmetic.powerOfTen(3) == 1000)
    }
}
