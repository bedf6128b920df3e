import FlywheelCore
import Testing

@Suite("HashedIDIndex")
struct HashedIDIndexTests {
    /// `index.claim(id)` as "number new" or "number old".
    static func claim(_ id: String, in index: inout HashedIDIndex) -> String {
        let (number, isNew) = index.claim(id)
        return "\(number) \(isNew ? "new" : "old")"
    }

    @Test("ids get dense numbers in the order they are first claimed; a repeated claim finds the same number")
    func denseNumbers() {
        var index = HashedIDIndex()
        #expect(index.number(of: "a") == nil)
        #expect(Self.claim("a", in: &index) == "0 new")
        #expect(Self.claim("b", in: &index) == "1 new")
        #expect(Self.claim("a", in: &index) == "0 old")
        #expect(Self.claim("", in: &index) == "2 new")
        #expect(index.number(of: "b") == 1)
        #expect(index.number(of: "") == 2)
        #expect(index.number(of: "c") == nil)
        #expect(index.count == 3)
    }

    @Test(
        "growing past its table keeps every id's number (50,000 ids, long and non-ASCII ones too)",
        arguments: [0, 50_000])
    func growing(reserved: Int) {
        var index = HashedIDIndex()
        index.reserveCapacity(reserved)
        let ids = (0..<50_000).map { n in
            n % 3 == 0 ? "order-\(n)" : n % 3 == 1 ? "kunde-ä-\(n)-\(String(repeating: "x", count: n % 40))" : "\(n)"
        }
        var wrong = 0
        for (n, id) in ids.enumerated() where Self.claim(id, in: &index) != "\(n) new" { wrong += 1 }
        for (n, id) in ids.enumerated() where index.number(of: id) != n || Self.claim(id, in: &index) != "\(n) old" {
            wrong += 1
        }
        #expect(wrong == 0)
        #expect(index.count == ids.count)
        #expect(index.number(of: "order-50000") == nil)
        #expect(index.number(of: "order-1") == nil, "order-1 was never claimed (1 % 3 ≠ 0)")
    }
}
