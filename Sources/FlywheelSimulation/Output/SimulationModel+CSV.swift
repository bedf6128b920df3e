extension SimulationModel {
    /// The plain CSV header the order-history importer reads.
    static let csvHeader = Array("customer_id,datetime,amount,order_id,currency,email,sku,quantity,channel\n".utf8)

    /// Generates customers `range` and appends their orders' rows (one per line item, cancelled orders left
    /// out) to `out`, counting them in `summary`.
    func appendCSVRows(
        customers range: Range<Int>, history: inout CustomerHistory, to out: inout [UInt8],
        summary: inout SimulationSummary
    ) {
        var customerNumber: [UInt8] = []
        customerNumber.reserveCapacity(16)
        let sku = catalogue.skuBytes
        let channels = SalesChannel.nameBytes
        let emailDomain = Array("@example.com,".utf8)
        let currency = Array(",EUR,".utf8)
        var timestamp: [UInt8] = []
        timestamp.reserveCapacity(24)
        for index in range {
            generateHistory(index: index, into: &history)
            customerNumber.removeAll(keepingCapacity: true)
            ByteFormatting.appendDecimal(index + 1, width: 7, to: &customerNumber)
            summary.customers += 1
            for order in history.orders {
                if order.isCancelled {
                    summary.cancelledOrdersSkipped += 1
                    continue
                }
                summary.orders += 1
                if order.number == 1 && order.discountCode >= 0 { summary.discountedFirstOrders += 1 }
                timestamp.removeAll(keepingCapacity: true)
                ByteFormatting.appendTimestamp(order.placedAt, to: &timestamp)
                let lines = Int(order.lineStart)..<Int(order.lineStart + order.lineCount)
                for line in history.lines[lines] {
                    let amount = line.total - line.discount
                    summary.rows += 1
                    summary.amountMinor += amount
                    out.append(UInt8(ascii: "C"))
                    out.append(contentsOf: customerNumber)
                    out.append(UInt8(ascii: ","))
                    out.append(contentsOf: timestamp)
                    out.append(UInt8(ascii: ","))
                    ByteFormatting.appendCents(amount, to: &out)
                    out.append(UInt8(ascii: ","))
                    out.append(UInt8(ascii: "O"))
                    out.append(contentsOf: customerNumber)
                    out.append(UInt8(ascii: "-"))
                    ByteFormatting.appendDecimal(Int(order.number), to: &out)
                    out.append(contentsOf: currency)
                    out.append(UInt8(ascii: "c"))
                    out.append(contentsOf: customerNumber)
                    out.append(contentsOf: emailDomain)
                    out.append(contentsOf: sku[Int(line.product)])
                    out.append(UInt8(ascii: ","))
                    ByteFormatting.appendDecimal(Int(line.quantity), to: &out)
                    out.append(UInt8(ascii: ","))
                    out.append(contentsOf: channels[order.channel.rawValue])
                    out.append(UInt8(ascii: "\n"))
                }
            }
        }
    }
}
