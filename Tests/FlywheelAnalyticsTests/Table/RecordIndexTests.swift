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

    @Test("appending while new adds the keys one by one as append would, and stops at a held key or nil")
    func appendWhileNew() {
        var index = RecordIndex()
        var reference = RecordIndex()
        // Runs of new keys, a key seen before (or earlier in the same run), a stop; through growth.
        let ids = (0..<40_000).map { n in n % 997 == 500 ? "order-\(n / 2)" : n % 1_511 == 7 ? "stop" : "order-\(n)" }
        var next = 0
        while next < ids.count {
            let added = index.appendWhileNew(count: min(700, ids.count - next), warmAhead: 32) { k in
                ids[next + k] == "stop" ? nil : RecordKey(ids[next + k])
            }
            var expected = 0
            while expected < min(700, ids.count - next), ids[next + expected] != "stop",
                reference.row(of: RecordKey(ids[next + expected])) == nil
            {
                _ = reference.append(RecordKey(ids[next + expected]))
                expected += 1
            }
            #expect(added == expected)
            next += max(added, 1)
        }
        #expect(index.count == reference.count && index.keys == reference.keys)
        var misses = 0
        for (row, key) in reference.keys.enumerated() where index.row(of: key) != Int32(row) { misses += 1 }
        #expect(misses == 0)
        #expect(index.appendWhileNew(count: 0, warmAhead: 32) { _ in RecordKey("x") } == 0)
    }

    @Test("keys of different ids differ, the same id gives the same key")
    func keys() {
        #expect(RecordKey("cdnow:00001:19970101:1") == RecordKey("cdnow:00001:19970101:1"))
        #expect(RecordKey("cdnow:00001:19970101:1") != RecordKey("cdnow:00001:19970101:2"))
        #expect(RecordKey("ab") != RecordKey("ba") && RecordKey("") != RecordKey(" "))
    }
}
