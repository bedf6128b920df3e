import FlywheelCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// `/c/o?t=…` (a message's open pixel) and `/c/r?t=…` (its tracked links), signed `CustomerLink`s of purpose
/// `.open` and `.click` (docs/flows.md, "Measurement").
///
/// - The pixel always answers the same 1×1 transparent GIF, `no-store`, whatever the token: an image must
///   never show an error, and a forger learns nothing. Only a genuine, unexpired token records an open.
/// - The redirect goes **only to the target inside the signed token** (no open redirect: the token cannot be
///   changed without the link secret) with `302`, `no-store` and `Referrer-Policy: no-referrer` (the token
///   stays off the shop's logs). A forged or malformed token gets the customer pages' neutral "this link does
///   not work" page (400); an expired one the same page with 410 — expired tokens are genuine, but the
///   decision is to send nobody anywhere on a link we no longer vouch for, rather than guess a home page.
/// - A failing store never blocks the customer: the event is lost, the pixel or redirect is still served.
struct TrackingRoutes: Sendable {
    static let openPath = "/c/o"
    static let clickPath = "/c/r"

    /// The transparent 1×1 GIF89a (43 bytes).
    static let pixel: [UInt8] = Array(Data(base64Encoded: "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==")!)

    let store: (any FlowMeasurementStore)?
    let gate: CustomerLinkGate
    let now: @Sendable () -> Date

    func register(on router: Router<FlywheelRequestContext>) {
        router.get(RouterPath(Self.openPath)) { request, _ in await open(request) }
        router.get(RouterPath(Self.clickPath)) { request, _ in await click(request) }
    }

    func open(_ request: Request) async -> Response {
        let now = now()
        if case .success(let link) = gate.signer.verify(request.uri.queryParameters.get("t") ?? "", purpose: .open, now: now),
            !link.detail.isEmpty
        {
            _ = try? await store?.recordMessageEvent(MessageEvent(messageID: link.detail, kind: .open, at: now))
        }
        return Response(
            status: .ok,
            headers: [.contentType: "image/gif", .cacheControl: "no-store, max-age=0", .contentLength: String(Self.pixel.count)],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Self.pixel)))
    }

    func click(_ request: Request) async -> Response {
        let now = now()
        let link: CustomerLink
        switch gate.open(request, purpose: .click, now: now) {
        case .success(let opened): link = opened.0
        case .failure(let refusal): return refusal.response
        }
        guard let (message, target) = Self.parts(link.detail) else { return gate.refused(request, status: .badRequest) }
        _ = try? await store?.recordMessageEvent(MessageEvent(messageID: message, kind: .click, at: now, url: target))
        return Response(
            status: .found,
            headers: [.location: target, .cacheControl: "no-store", HTTPField.Name("Referrer-Policy")!: "no-referrer"])
    }

    /// The message id and the target of a click link's detail; `nil` unless the target is an absolute
    /// `http(s)` URL with a host.
    static func parts(_ detail: String) -> (message: String, target: String)? {
        guard let space = detail.firstIndex(of: " ") else { return nil }
        let message = String(detail[..<space])
        let target = String(detail[detail.index(after: space)...])
        guard !message.isEmpty, let url = URL(string: target), let scheme = url.scheme?.lowercased(),
            scheme == "https" || scheme == "http", url.host?.isEmpty == false
        else { return nil }
        return (message, target)
    }
}
