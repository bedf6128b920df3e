@testable import FlywheelServer
import Testing

@Suite("Customer pages' words")
struct CustomerPageTextTests {
    @Test("German and English have the same keys, and no text is left empty")
    func sameKeys() {
        #expect(Set(CustomerPageText.en.keys) == Set(CustomerPageText.de.keys))
        for (key, english) in CustomerPageText.en {
            #expect(!english.isEmpty, "\(key)")
            #expect(!(CustomerPageText.de[key] ?? "").isEmpty, "\(key)")
        }
    }
}
