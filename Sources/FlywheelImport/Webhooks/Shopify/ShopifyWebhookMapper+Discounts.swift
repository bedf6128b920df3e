import FlywheelCore

extension ShopifyWebhookMapper {
    /// An order's discounts as Flywheel keeps them: one entry per discount application with the amount
    /// allocated to line items (these make `subtotal = lines − discounts`), plus what went to shipping.
    struct OrderDiscounts {
        var applications: [DiscountApplication] = []
        /// Per application, where it came from: `discount_applications[n]` or `discount_codes[n]`.
        var sources: [String] = []
        /// Discounts allocated to shipping lines (free shipping codes): they lower the shipping, not the subtotal.
        var shipping: Int64 = 0
    }

    /// Sums each `discount_applications` entry's allocations on line items and shipping lines (shop money).
    /// Payloads without applications but with `discount_codes` (older API versions) use the codes' amounts.
    func readDiscounts(_ payload: ShopifyOrderPayload, _ currency: CurrencyCode, _ read: ShopifyFieldReader)
        throws(ShopifyWebhookError) -> OrderDiscounts
    {
        let applications = payload.discountApplications ?? []
        var onLines = [Int64?](repeating: nil, count: applications.count)
        var result = OrderDiscounts()
        var anyAllocation = false

        func allocate(_ allocations: [ShopifyDiscountAllocationPayload]?, at owner: String, toShipping: Bool)
            throws(ShopifyWebhookError)
        {
            for (index, allocation) in (allocations ?? []).enumerated() {
                let path = "\(owner).discount_allocations[\(index)]"
                let position = allocation.discountApplicationIndex.value
                guard position >= 0, position < Int64(applications.count) else {
                    throw read.invalid(path + ".discount_application_index", "names no entry of discount_applications")
                }
                let amount = try read.amount(allocation.amount, path + ".amount", currency)
                anyAllocation = true
                if toShipping {
                    result.shipping = try read.sum(result.shipping, amount, path + ".amount")
                } else {
                    onLines[Int(position)] = try read.sum(onLines[Int(position)] ?? 0, amount, path + ".amount")
                }
            }
        }
        for (index, line) in payload.lineItems.enumerated() {
            try allocate(line.discountAllocations, at: "line_items[\(index)]", toShipping: false)
        }
        for (index, line) in (payload.shippingLines ?? []).enumerated() {
            try allocate(line.discountAllocations, at: "shipping_lines[\(index)]", toShipping: true)
        }

        var total: Int64 = 0  // the order's `discountMinor`, which must not overflow either
        for (index, application) in applications.enumerated() {
            guard let amount = onLines[index] else { continue }
            total = try read.sum(total, amount, "discount_applications")
            result.applications.append(DiscountApplication(code: Self.discountLabel(application), amountMinor: amount))
            result.sources.append("discount_applications[\(index)]")
        }
        if !anyAllocation {
            for (index, code) in (payload.discountCodes ?? []).enumerated() {
                let amount = try read.amount(code.amount, "discount_codes[\(index)].amount", currency)
                if code.type?.lowercased() == "shipping" {
                    result.shipping = try read.sum(result.shipping, amount, "discount_codes[\(index)].amount")
                } else {
                    total = try read.sum(total, amount, "discount_codes")
                    result.applications.append(DiscountApplication(code: code.code, amountMinor: amount))
                    result.sources.append("discount_codes[\(index)]")
                }
            }
        }
        return result
    }

    /// The code of a discount code; the title of an automatic, manual or script discount; else `automatic`,
    /// the export import's word for a discount without code.
    static func discountLabel(_ application: ShopifyDiscountApplicationPayload) -> String {
        let code = ShopifyFieldReader.nonEmpty(application.code)
        if application.type?.lowercased() == "discount_code", let code { return code }
        return ShopifyFieldReader.nonEmpty(application.title) ?? code
            ?? ShopifyFieldReader.nonEmpty(application.description) ?? "automatic"
    }
}
