import ArgumentParser
import FlywheelAnalytics

extension ReportCommand {
    /// The customers `--segment` names (`CustomerFilter(segmentName:)`, the same names the flows' segment
    /// sends take): `all`, `vip`, a lifecycle stage, an RFM segment, or `lifecycle:NAME` / `rfm:NAME`.
    static func filter(named text: String) throws -> CustomerFilter {
        do {
            return try CustomerFilter(segmentName: text)
        } catch {
            throw ValidationError("--segment: \(error.reason)")
        }
    }
}
