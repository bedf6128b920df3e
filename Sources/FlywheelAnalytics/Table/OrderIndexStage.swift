import FlywheelCore
import Foundation

/// The id index of a table being loaded from columns, run as a stage of its own (`OrderColumnsLoader`): it
/// takes the pieces in file order, claims their order ids in the table's `RecordIndex` exactly as adding
/// them one after the other would, and says per order which row it becomes or replaces
/// (`PieceResolution`), with its local day. It runs on a thread of its own, one piece ahead of the load of
/// the columns, so the two halves of the load run on two cores; the table gets the index back at the end.
///
/// Rows are numbered by the index alone: a new order in the table's currency becomes the next row, a
/// repeated id replaces the row held (the first occurrence keeps its row, the last one's values win), an
/// order in another currency is not indexed — which is what `OrderTable.add(order:of:)` and `addNew` do,
/// so the numbers are the same.
final class OrderIndexStage: @unchecked Sendable {
    /// The table's index, moved here while loading; only the stage's thread touches it in between.
    var index: RecordIndex
    private var converter: LocalDayConverter
    private let currency: CurrencyCode

    init(index: RecordIndex, currency: CurrencyCode, timeZone: TimeZone) {
        self.index = index
        self.currency = currency
        converter = LocalDayConverter(timeZone: timeZone)
    }

    /// Claims the order ids of the next piece and returns what each order is.
    func resolve(_ columns: OrderColumns) -> PieceResolution {
        let count = columns.count
        var resolution = PieceResolution()
        resolution.rows = [Int32](repeating: 0, count: count)
        let accepted = columns.currencies.map { $0 == currency }
        var i = 0
        while i < count {
            let lower = i
            let base = Int32(index.count)
            let claimed = columns.keyHigh.withUnsafeBufferPointer { high in
                columns.keyLow.withUnsafeBufferPointer { low in
                    columns.currency.withUnsafeBufferPointer { currencyOf in
                        index.appendWhileNew(count: count - lower, warmAhead: OrderTable.warmWindow) { k in
                            let j = lower + k
                            return accepted[Int(currencyOf[j])] ? RecordKey(high: high[j], low: low[j]) : nil
                        }
                    }
                }
            }
            for k in 0..<claimed { resolution.rows[lower + k] = base + Int32(k) }
            i += claimed
            guard i < count else { break }
            let key = RecordKey(high: columns.keyHigh[i], low: columns.keyLow[i])
            if accepted[Int(columns.currency[i])] {
                // Stopped at a repeated id.
                resolution.rows[i] = -(index.row(of: key)! + 2)
            } else {
                resolution.rows[i] = PieceResolution.otherCurrency
                resolution.heldForOtherCurrency[i] = index.row(of: key) ?? -1
            }
            i += 1
        }
        resolution.day = [Int32](repeating: 0, count: count)
        columns.placedAt.withUnsafeBufferPointer { placedAt in
            resolution.day.withUnsafeMutableBufferPointer { day in
                for j in 0..<count { day[j] = converter.localDay(utcSeconds: placedAt[j]) }
            }
        }
        return resolution
    }
}
