public import FlywheelCore

extension MembershipTerms {
    /// What a member saves on `order`: the member price on eligible lines (percent off, rounded down per
    /// line) and the shipping when shipping is free for members.
    public func savings(on order: Order) -> (memberPriceMinor: Int64, shippingMinor: Int64) {
        var price: Int64 = 0
        if memberPricePercentOff > 0 {
            for line in order.lineItems {
                let eligible =
                    memberPriceCategories.isEmpty || line.category.map(memberPriceCategories.contains) == true
                if eligible {
                    price += EarningArithmetic.multiplyDivide(max(0, line.totalMinor), memberPricePercentOff, 100)
                }
            }
        }
        return (price, freeShipping || fastShipping ? max(0, order.shippingMinor) : 0)
    }
}
