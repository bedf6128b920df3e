public import Foundation
public import Logging
public import ServiceLifecycle

/// The loyalty programme's background work as a service beside the server: a catch-up at start-up (orders
/// stored but not awarded, e.g. after a crash between the two), then every `interval` the due run (retries,
/// releases of pending points, expiry by lot and by inactivity). Stops on graceful shutdown; a failed run is logged and retried at the
/// next interval.
public struct LoyaltyJobs: Service {
    let loyalty: LoyaltyService
    let interval: Duration
    let now: @Sendable () -> Date
    let logger: Logger

    /// Jobs for `loyalty` every `interval`; `now` reads the clock (the server's).
    public init(
        loyalty: LoyaltyService, interval: Duration, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger
    ) {
        self.loyalty = loyalty
        self.interval = interval
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        try? await cancelWhenGracefulShutdown {
            do {
                let report = try await loyalty.catchUp()
                logger.info(
                    "loyalty catch-up done",
                    metadata: ["awarded": "\(report.awarded)", "reversed": "\(report.reversed)"])
            } catch {
                logger.error("loyalty catch-up failed; retried at the next run", metadata: ["error": "\(type(of: error))"])
            }
            while !Task.isCancelled {
                try await Task.sleep(for: interval)
                do {
                    let report = try await loyalty.runDue(now: now())
                    if report.released + report.expiredCustomers + report.inactiveCustomers + report.referralsSettled > 0 {
                        logger.info(
                            "loyalty run done",
                            metadata: [
                                "released": "\(report.released)", "expired": "\(report.expiredCustomers)",
                                "inactive": "\(report.inactiveCustomers)", "referrals": "\(report.referralsSettled)",
                            ])
                    }
                } catch {
                    logger.error("loyalty run failed", metadata: ["error": "\(type(of: error))"])
                }
            }
        }
    }
}
