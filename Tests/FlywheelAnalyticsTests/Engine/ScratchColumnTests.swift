import Testing

@testable import FlywheelAnalytics

@Suite("ScratchColumn: a refilled column of its own memory")
struct ScratchColumnTests {
    @Test("appends land in order and grow the memory, keeping what was written; removeAll empties it")
    func refill() {
        var column = ScratchColumn<Int64>()
        column.append(1)
        column.append(2)
        column.addToLast(40)
        #expect(Array(column.elements) == [1, 42])
        #expect(column[1] == 42)
        for value in 0..<1_000 { column.append(Int64(value)) }  // beyond the first allocation, twice over
        #expect(column.count == 1_002)
        #expect(column[0] == 1 && column[1] == 42 && column[1_001] == 999)
        #expect(column.elements.reduce(0, +) == 499_543)
        column.removeAll()
        #expect(column.isEmpty && column.elements.isEmpty)
        column.reserveCapacity(5_000)
        column.append(7)
        column.append(3)
        var view = column.mutableElements
        view.sort()
        #expect(Array(column.elements) == [3, 7])
    }
}
