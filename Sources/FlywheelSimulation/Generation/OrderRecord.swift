/// One order of a generated history, in integers (times are UTC seconds, money is cents).
struct OrderRecord: Sendable {
    /// The customer's order number, 1-based, in time order (cancelled duplicates included).
    var number: Int32
    var placedAt: Int64
    /// When the order was cancelled, or -1.
    var cancelledAt: Int64
    var channel: SalesChannel
    /// Index into the model's discount codes, or -1.
    var discountCode: Int8
    /// The order's lines are `lines[lineStart ..< lineStart + lineCount]` of the history.
    var lineStart: Int32
    var lineCount: Int32
    /// The sum of the line totals: the drawn Gamma-Gamma order value.
    var linesTotal: Int64
    var discount: Int64

    var isCancelled: Bool { cancelledAt >= 0 }
    /// After discount, before shipping.
    var subtotal: Int64 { linesTotal - discount }
}

/// One line of a generated order.
struct LineRecord: Sendable {
    var product: Int32
    var quantity: Int32
    /// Before the order's discount.
    var total: Int64
    /// This line's share of the order's discount (the shares add up to it exactly).
    var discount: Int64
}
