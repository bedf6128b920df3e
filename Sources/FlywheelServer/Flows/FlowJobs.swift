import FlywheelAutomation
public import Foundation
public import Logging
public import ServiceLifecycle

/// Flows' background work as a service beside the server: the scheduler's rounds (scheduled segment sends that
/// fell due, then due steps: waits that ended, postponed sends, retries) in `schedulerLoops` loops side by side
/// (each round claims its own leased batch), at start and then every `sweepInterval`
/// the sweep (time-based triggers and the catch-up of missed events), and every `cartInterval` the short check
/// for abandoned carts.
///
/// Graceful shutdown (SIGTERM): the round or sweep page in progress finishes, then both loops end; nothing is
/// cut in the middle of a batch. A hard cancellation may cut a round: its rows stay leased and run again
/// when the lease expires (at-least-once, the effects drop repeated keys). A failed round or sweep is logged
/// and tried again at the next poll or interval.
public struct FlowJobs: Service {
    let flows: FlowService
    let now: @Sendable () -> Date
    let logger: Logger

    /// Jobs for `flows`; `now` reads the clock (tests pass a manual one).
    public init(flows: FlowService, now: @escaping @Sendable () -> Date = { Date() }, logger: Logger) {
        self.flows = flows
        self.now = now
        self.logger = logger
    }

    public func run() async throws {
        await withTaskGroup(of: Void.self) { group in
            for loop in 0..<flows.options.schedulerLoops {
                group.addTask { await runScheduler(campaigns: loop == 0) }
            }
            group.addTask { await runSweeps() }
            group.addTask { await runCartChecks() }
        }
    }

    /// `FlowScheduler.run`'s loop, but a graceful shutdown ends it between rounds rather than inside one: rounds
    /// at once while full batches come back, else after the poll interval. One loop (`campaigns`) also moves
    /// the due segment sends on.
    private func runScheduler(campaigns: Bool) async {
        let scheduler = flows.scheduler
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            var full = false
            if campaigns {
                // Segment sends first, one piece of each due campaign: the enrolments they make run in this round;
                // a campaign that moved on but is not finished makes the next round start at once (one that failed
                // waits for the poll).
                do {
                    full = try await flows.runDueCampaigns(now: now()).contains { piece in
                        !piece.finished && piece.failed == 0 && piece.entered + piece.refused + piece.duplicates > 0
                    }
                } catch {
                    logger.error("flows: the scheduled sends could not be read; retried", metadata: ["error": "\(type(of: error))"])
                }
            }
            do {
                let batch = try await scheduler.runDue(now: now()).enrolments
                full = full || batch >= scheduler.configuration.batchSize
            } catch {
                logger.error("flows: a scheduler round failed; retried", metadata: ["error": "\(type(of: error))"])
            }
            if !full { await pause(scheduler.configuration.pollInterval) }
        }
    }

    private func runSweeps() async {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                let report = try await flows.sweep(now: now())
                if report.entered + report.failed > 0 {
                    logger.info(
                        "flows: sweep done",
                        metadata: [
                            "customers": "\(report.customers)", "entered": "\(report.entered)", "failed": "\(report.failed)",
                        ])
                }
            } catch {
                logger.error("flows: a sweep failed; tried again at the next interval", metadata: ["error": "\(type(of: error))"])
            }
            await pause(flows.options.sweepInterval)
        }
    }

    /// The short cart check every `cartInterval` (it reads nothing while no `cart_abandoned` flow is on): the
    /// checkouts whose window ended since the previous check. The sweep at start looked back the whole catch-up.
    private func runCartChecks() async {
        var since = now()
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            await pause(flows.options.cartInterval)
            if Task.isShuttingDownGracefully || Task.isCancelled { break }
            let at = now()
            do {
                let report = try await flows.checkCarts(now: at, since: since)
                since = at
                if report.entered + report.failed > 0 {
                    logger.info(
                        "flows: cart check done", metadata: ["entered": "\(report.entered)", "failed": "\(report.failed)"])
                }
            } catch {
                logger.error("flows: a cart check failed; the next one looks again", metadata: ["error": "\(type(of: error))"])
            }
        }
    }

    /// Sleeps, waking early on graceful shutdown or cancellation.
    private func pause(_ duration: Duration) async {
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    }
}
