import FlywheelCore
import FlywheelServer
import Foundation
import Testing

@Suite("Customer link URLs and address digests")
struct CustomerLinkURLsTests {
    let signer = CustomerLinkSigner(secret: Data("url test secret".utf8))
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func token(_ url: URL) -> String {
        URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems?.first { $0.name == "t" }?.value ?? ""
    }

    @Test("List-Unsubscribe URLs live 180 days, name the channel and sit on the public URL's path")
    func unsubscribeURL() throws {
        let links = CustomerLinkURLs(signer: signer, baseURL: URL(string: "https://shop.example/flywheel/")!)
        let url = links.unsubscribe(customer: "c 1/ä", channel: .sms, now: now)
        #expect(url.absoluteString.hasPrefix("https://shop.example/flywheel/c/unsubscribe?t="))
        let link = try signer.verify(token(url), purpose: .unsubscribe, now: now).get()
        #expect(link.customer == "c 1/ä" && link.detail == "sms" && link.expiresAt == now + 180 * 86_400)
        #expect(signer.verify(token(url), purpose: .unsubscribe, now: now + 180 * 86_400) == .failure(.expired))
        let preferences = try signer.verify(token(links.preferences(customer: "c1", now: now)), purpose: .preferences, now: now).get()
        #expect(preferences.expiresAt == now + 180 * 86_400)
        let confirm = links.confirmOptIn(customer: "c1", email: "A@B.de", now: now)
        #expect(confirm.expiresAt == now + 7 * 86_400)
        #expect(try signer.verify(token(confirm.url), purpose: .confirmOptIn, now: now).get().detail == AddressDigest.of("a@b.de", channel: .email))
    }

    @Test("the digest is of the normalised address, per channel, and an erased entry keeps no address")
    func digests() {
        #expect(AddressDigest.of(" Anna@Example.COM", channel: .email) == AddressDigest.of("anna@example.com", channel: .email))
        #expect(AddressDigest.of("anna@example.com", channel: .email) != AddressDigest.of("anna@example.com", channel: .sms))
        #expect(AddressDigest.of("+49 170 123", channel: .sms) == AddressDigest.of("+49170123", channel: .sms))
        #expect(AddressDigest.of("x@y.z", channel: .email).count == 64)
        let erased = AddressDigest.entry("Anna@Example.com", channel: .email, cause: .erased, source: .erasure, at: now)
        #expect(erased.address == nil)
        let unsubscribed = AddressDigest.entry("Anna@Example.com", channel: .email, cause: .unsubscribed, source: .oneClick, at: now)
        #expect(unsubscribed.address == "anna@example.com")
    }
}
