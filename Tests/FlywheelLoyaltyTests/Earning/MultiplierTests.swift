import Foundation
import Testing

@testable import FlywheelLoyalty

@Suite("Multiplier: integer percent, extra points rounded down")
struct MultiplierTests {
    @Test("1.5× on 117 points adds 58; 1× adds nothing; below 100 % is raised to 1×")
    func extra() {
        #expect(Multiplier(percent: 150).extra(on: 117) == 58)
        #expect(Multiplier.double.extra(on: 45) == 45)
        #expect(Multiplier.one.extra(on: 1000) == 0)
        #expect(Multiplier(percent: 50) == .one)
    }

    @Test("encodes as the bare percentage")
    func coding() throws {
        let data = try JSONEncoder().encode(Multiplier.double)
        #expect(String(decoding: data, as: UTF8.self) == "200")
        #expect(try JSONDecoder().decode(Multiplier.self, from: Data("150".utf8)) == Multiplier(percent: 150))
    }
}
