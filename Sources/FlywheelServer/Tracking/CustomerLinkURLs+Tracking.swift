public import FlywheelMessaging
public import Foundation

extension CustomerLinkURLs {
    /// Tracking links live a year: long enough for a message read late, short enough that old forwarded
    /// mail stops feeding the figures.
    public static let trackingLifetime: TimeInterval = 365 * 86_400

    /// Targets longer than this are left unwrapped: the token carries the whole target, and a signed link
    /// must stay within the signer's 2,048-byte limit.
    public static let longestTrackedTarget = 1_200

    /// The open pixel's URL of a message.
    public func open(message: String, now: Date) -> URL {
        url(TrackingRoutes.openPath, CustomerLink(purpose: .open, customer: "", expiresAt: now + Self.trackingLifetime, detail: message))
    }

    /// The click redirect of one link in a message, or `nil` when the target is too long to sign.
    public func click(message: String, target: URL, now: Date) -> URL? {
        let target = target.absoluteString
        guard target.utf8.count <= Self.longestTrackedTarget else { return nil }
        return url(
            TrackingRoutes.clickPath,
            CustomerLink(purpose: .click, customer: "", expiresAt: now + Self.trackingLifetime, detail: message + " " + target))
    }

    /// Tracking for the outbox enqueuer: the pixel and redirects signed at `now()`, the customers' own pages
    /// (`/c/…`) never wrapped; plain text and SMS per the flags (docs/flows.md, "Measurement").
    public func trackingLinks(
        rewritesPlainText: Bool = false, rewritesSMS: Bool = false, now: @escaping @Sendable () -> Date = { Date() }
    ) -> TrackingLinks {
        var prefix = baseURL.absoluteString
        if !prefix.hasSuffix("/") { prefix += "/" }
        return TrackingLinks(
            excludedPrefixes: [prefix + "c/"], rewritesPlainText: rewritesPlainText, rewritesSMS: rewritesSMS,
            open: { self.open(message: $0, now: now()) },
            click: { self.click(message: $0, target: $1, now: now()) })
    }
}
