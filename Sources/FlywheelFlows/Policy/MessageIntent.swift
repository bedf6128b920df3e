/// What the policy needs to know about a message before it is sent.
public struct MessageIntent: Hashable, Sendable {
    public var channel: Channel
    public var messageClass: MessageClass
    /// Advertises the shop's own goods similar to those bought (for the existing-customer exemption).
    public var ownSimilarGoods: Bool
    /// Comes from a win-back flow.
    public var winBack: Bool

    public init(channel: Channel, messageClass: MessageClass, ownSimilarGoods: Bool = false, winBack: Bool = false) {
        self.channel = channel
        self.messageClass = messageClass
        self.ownSimilarGoods = ownSimilarGoods
        self.winBack = winBack
    }
}
