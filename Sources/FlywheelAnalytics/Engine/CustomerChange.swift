/// One customer's standing before and after applying records, and the saved segments it entered or left.
public struct CustomerChange: Hashable, Codable, Sendable {
    public var customerID: String
    public var stageBefore: LifecycleStage
    public var stageAfter: LifecycleStage
    public var rfmSegmentBefore: RFMSegment?
    public var rfmSegmentAfter: RFMSegment?
    public var vipBefore: Bool
    public var vipAfter: Bool
    /// Names of saved segments the customer joined and left.
    public var enteredSegments: [String]
    public var leftSegments: [String]

    /// A change from its parts.
    public init(
        customerID: String, stageBefore: LifecycleStage, stageAfter: LifecycleStage, rfmSegmentBefore: RFMSegment?,
        rfmSegmentAfter: RFMSegment?, vipBefore: Bool, vipAfter: Bool, enteredSegments: [String], leftSegments: [String]
    ) {
        self.customerID = customerID
        self.stageBefore = stageBefore
        self.stageAfter = stageAfter
        self.rfmSegmentBefore = rfmSegmentBefore
        self.rfmSegmentAfter = rfmSegmentAfter
        self.vipBefore = vipBefore
        self.vipAfter = vipAfter
        self.enteredSegments = enteredSegments
        self.leftSegments = leftSegments
    }
}
