import ArgumentParser
import FlywheelAnalytics

extension ReportCommand {
    /// The customers `--segment` names: `all`, `vip`, a lifecycle stage, an RFM segment (raw name or as
    /// shown: `at_risk`, `At Risk`, `Can't Lose`), or either written out as `lifecycle:NAME` / `rfm:NAME`.
    static func filter(named text: String) throws -> CustomerFilter {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let kind = parts.count == 2 ? parts[0].lowercased().trimmingCharacters(in: .whitespaces) : nil
        let key = normalised(parts.last ?? "")
        let stage = LifecycleStage(rawValue: key)
        let rfm = RFMSegment(rawValue: key)
        switch kind {
        case nil:
            if key == "all" { return .all }
            if key == "vip" { return .vip }
            if let stage, rfm != nil {
                throw ValidationError(
                    "--segment: '\(text)' is both a lifecycle stage and an RFM segment; write lifecycle:\(stage.rawValue)"
                        + " or rfm:\(key)")
            }
            if let stage { return .lifecycle(stage) }
            if let rfm { return .rfm(rfm) }
        case "lifecycle":
            if let stage { return .lifecycle(stage) }
        case "rfm":
            if let rfm { return .rfm(rfm) }
        case "saved":
            throw ValidationError("--segment: saved segments are not stored in the database yet; use a stage or an RFM segment")
        default:
            break
        }
        throw ValidationError(
            "--segment: '\(text)' is not a segment; use all, vip, a lifecycle stage ("
                + LifecycleStage.allCases.map(\.rawValue).joined(separator: ", ") + ") or an RFM segment ("
                + RFMSegment.allCases.map(\.rawValue).joined(separator: ", ") + ")")
    }

    /// `At Risk` → `at_risk`, `Can't Lose` → `cant_lose`, `potential-loyalist` → `potential_loyalist`.
    private static func normalised(_ text: String) -> String {
        var out = ""
        for char in text.lowercased().trimmingCharacters(in: .whitespaces) {
            if char == "'" || char == "’" { continue }
            out.append(char == " " || char == "-" ? "_" : char)
        }
        return out
    }
}
