import Testing

@testable import FlywheelFlows

@Suite("FlowDuration and TimeOfDay: the ISO 8601 subset of flow files")
struct FlowDurationTests {
    @Test(
        "parses days, weeks, hours, minutes, seconds and a sign",
        arguments: [
            ("P14D", 14 * 86_400), ("PT2H", 7_200), ("P1DT12H", 129_600), ("-P1D", -86_400), ("P2W", 14 * 86_400),
            ("PT30M", 1_800), ("PT45S", 45), ("P1DT1H1M1S", 90_061),
        ])
    func parses(text: String, seconds: Int) {
        #expect(FlowDuration(iso: text)?.seconds == seconds)
    }

    @Test(
        "refuses months, years, missing numbers and stray text",
        arguments: [
            "P1M", "P1Y", "P", "PT", "14D", "P1H", "PT1D", "P1.5D", "P-1D", "", "PTH", "P1D2",
        ])
    func refuses(text: String) {
        #expect(FlowDuration(iso: text) == nil)
    }

    @Test("prints the canonical form, which parses back")
    func printsCanonical() {
        #expect(FlowDuration(seconds: 129_600).description == "P1DT12H")
        #expect(FlowDuration(seconds: -1_800).description == "-PT30M")
        #expect(FlowDuration(seconds: 0).description == "PT0S")
        for seconds in [0, 59, 3_600, 86_400, 90_061, -172_800] {
            #expect(FlowDuration(iso: FlowDuration(seconds: seconds).description)?.seconds == seconds)
        }
    }

    @Test("TimeOfDay reads HH:MM and refuses out-of-range times")
    func timeOfDay() {
        #expect(TimeOfDay(text: "10:00")?.minutes == 600)
        #expect(TimeOfDay(text: "9:30")?.description == "09:30")
        #expect(TimeOfDay(text: "24:00") == nil)
        #expect(TimeOfDay(text: "10:60") == nil)
        #expect(TimeOfDay(text: "10") == nil)
    }
}
