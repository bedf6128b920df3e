import FlywheelCore
import PostgresNIO

/// Marketing spend of a batch as columns: one statement upserts it all by channel and month.
struct MarketingSpendColumns {
    private var channel: [String] = []
    private var month: [String] = []
    private var amountMinor: [Int64] = []
    private var currency: [String] = []

    var isEmpty: Bool { channel.isEmpty }

    mutating func append(_ spend: MarketingSpend) {
        channel.append(spend.channel)
        month.append(spend.month.description)
        amountMinor.append(spend.amount.minorUnits)
        currency.append(spend.amount.currency.code)
    }

    var upsert: PostgresQuery {
        """
        INSERT INTO marketing_spend (channel, month, amount_minor, currency)
        SELECT * FROM unnest(\(channel)::text[], \(month)::text[], \(amountMinor)::bigint[], \(currency)::text[])
        ON CONFLICT (channel, month) DO UPDATE SET amount_minor = excluded.amount_minor, currency = excluded.currency
        """
    }
}
