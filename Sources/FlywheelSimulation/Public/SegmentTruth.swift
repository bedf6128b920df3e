/// The true parameters of one customer segment.
public struct SegmentTruth: Sendable, Hashable {
    /// The segment these parameters are for.
    public var segment: CustomerSegment
    /// When and whether its customers buy again.
    public var purchase: BGNBDParameters
    /// How much each order is worth (before discount codes).
    public var spend: GammaGammaParameters

    /// Creates a segment's parameters.
    public init(segment: CustomerSegment, purchase: BGNBDParameters, spend: GammaGammaParameters) {
        self.segment = segment
        self.purchase = purchase
        self.spend = spend
    }
}
