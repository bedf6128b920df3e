extension CustomerFilter {
    /// The filter a segment name means, as `flywheel report --segment` and the flows' segment sends write it:
    /// `all`, `vip`, a lifecycle stage (`lapsing`), an RFM segment (`at_risk`, `At Risk`, `cant_lose`), or
    /// `lifecycle:NAME` / `rfm:NAME` where a name is both (`loyal`, `new`, `lost`), or `saved:NAME` for a saved
    /// segment (whether it exists is the evaluator's question). Throws a `SegmentRuleError` naming the accepted
    /// names.
    public init(segmentName text: String) throws(SegmentRuleError) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let kind = parts.count == 2 ? parts[0].lowercased().trimmingCharacters(in: .whitespaces) : nil
        let key = Self.normalised(parts.last ?? "")
        let stage = LifecycleStage(rawValue: key)
        let rfm = RFMSegment(rawValue: key)
        switch kind {
        case nil:
            if key == "all" { self = .all; return }
            if key == "vip" { self = .vip; return }
            if let stage, rfm != nil {
                throw SegmentRuleError(
                    condition: nil,
                    "'\(text)' is both a lifecycle stage and an RFM segment; write lifecycle:\(stage.rawValue) or rfm:\(key)")
            }
            if let stage { self = .lifecycle(stage); return }
            if let rfm { self = .rfm(rfm); return }
        case "lifecycle":
            if let stage { self = .lifecycle(stage); return }
        case "rfm":
            if let rfm { self = .rfm(rfm); return }
        case "saved":
            let name = parts[1].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty { self = .saved(name); return }
        default:
            break
        }
        throw SegmentRuleError(
            condition: nil,
            "'\(text)' is not a segment; use all, vip, a lifecycle stage ("
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
