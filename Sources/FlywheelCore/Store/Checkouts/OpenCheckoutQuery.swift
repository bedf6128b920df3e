public import Foundation

/// A page of open checkouts (not completed, no order) last updated in `[updatedFrom, updatedBefore)`: what the
/// abandoned-cart sweep looks at. Pages go in byte order of the checkout id.
public struct OpenCheckoutQuery: Hashable, Sendable {
    public var updatedFrom: Date
    public var updatedBefore: Date
    /// Checkouts whose id sorts after this one (`Page.nextAfter`); `nil` from the start.
    public var after: String?
    /// At least 1.
    public var limit: Int

    public init(updatedFrom: Date, updatedBefore: Date, after: String? = nil, limit: Int = 500) {
        self.updatedFrom = updatedFrom
        self.updatedBefore = updatedBefore
        self.after = after
        self.limit = max(1, limit)
    }
}
