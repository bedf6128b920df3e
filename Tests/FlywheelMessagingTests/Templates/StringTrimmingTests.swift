import Foundation
import Testing

@testable import FlywheelMessaging

@Suite("Trimming rendered text by Unicode scalars")
struct StringTrimmingTests {
    static let samples = [
        "", " ", "\n\n", "\u{00A0}\u{2028}\u{0085}\u{3000}\t\r\n", "plain", "  both  ", "\n\nText\n \n",
        "\u{00A0}Jürgen\u{00A0}", "\u{2029}para\u{2029}", " e\u{301} ", " \u{301}accent first", "emoji \u{1F375} ",
        "\u{1F375}", " \r\n", "x\r\n", "\u{200B}zero width is not white space\u{200B}", "\u{FEFF}bom\u{FEFF}",
        "\u{1680}ogham\u{205F}", "\u{000B}\u{000C}vt ff\u{000C}",
    ]

    @Test("gives exactly what Foundation's trimmingCharacters gives, for both sets the renderer uses")
    func matchesFoundation() {
        for sample in Self.samples {
            for set in [CharacterSet.whitespacesAndNewlines, .whitespaces] {
                let expected = sample.trimmingCharacters(in: set)
                #expect(Array(sample.trimmingScalars(in: set).utf8) == Array(expected.utf8), "\(sample.debugDescription)")
                let slice = ("<" + sample + ">").dropFirst().dropLast()
                #expect(Array(slice.trimmingScalars(in: set).utf8) == Array(expected.utf8), "\(sample.debugDescription)")
            }
        }
    }
}
