/// A supplier that ships the products it makes or stocks (the shop dropships), with how long it takes to
/// hand a parcel to the carrier and what delivery the shop promises for it.
struct Supplier: Sendable {
    var name: String
    /// Median days from order to hand-over to the carrier (log-normal).
    var handlingMedianDays: Double
    /// Log-scale standard deviation of the handling time.
    var handlingSigma: Double
    /// Calendar days after the order day by whose end delivery is promised.
    var promiseDays: Int

    static let all: [Supplier] = [
        Supplier(name: "Rösterei Hanse", handlingMedianDays: 0.9, handlingSigma: 0.35, promiseDays: 5),
        Supplier(name: "Teehaus Lindner", handlingMedianDays: 1.3, handlingSigma: 0.40, promiseDays: 5),
        Supplier(name: "Brühwerk GmbH", handlingMedianDays: 1.8, handlingSigma: 0.45, promiseDays: 6),
        Supplier(name: "Nordic Kitchenware AB", handlingMedianDays: 5.0, handlingSigma: 0.55, promiseDays: 8),
        Supplier(name: "Keramikwerkstatt Sachsen", handlingMedianDays: 2.2, handlingSigma: 0.45, promiseDays: 7),
        Supplier(name: "CleanCafé Supplies", handlingMedianDays: 1.4, handlingSigma: 0.40, promiseDays: 5),
        Supplier(name: "Chocolaterie Aurelia", handlingMedianDays: 1.1, handlingSigma: 0.35, promiseDays: 5),
    ]
}
