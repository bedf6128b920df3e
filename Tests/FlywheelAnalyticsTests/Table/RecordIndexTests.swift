@testable import FlywheelAnalytics
import Testing

@Suite("RecordIndex: record ids to rows")
struct RecordIndexTests {
    @Test("every key finds its row through growth; unknown keys find nothing")
    func lookups() {
        var index = RecordIndex()
        for n in 0..<50_000 { #expect(index.append(RecordKey("order-\(n)")) == Int32(n)) }
        var misses = 0
        for n in 0..<50_000 where index.row(of: RecordKey("order-\(n)")) != Int32(n) { misses += 1 }
        #expect(misses == 0)
        #expect(index.row(of: RecordKey("order-50000")) == nil && index.row(of: RecordKey("")) == nil)
        index.reserveCapacity(200_000)
        #expect(index.row(of: RecordKey("order-49999")) == 49_999 && index.count == 50_000)
    }

    @Test("keys of different ids differ, the same id gives the same key")
    func keys() {
        #expect(RecordKey("cdnow:00001:19970101:1") == RecordKey("cdnow:00001:19970101:1"))
        #expect(RecordKey("cdnow:00001:19970101:1") != RecordKey("cdnow:00001:19970101:2"))
        #expect(RecordKey("ab") != RecordKey("ba") && RecordKey("") != RecordKey(" "))
    }
}
