public import FlywheelCore
public import Foundation

/// Facts other than customers that the scheduled sweep turns into events.
public struct SweepInputs: Sendable {
    /// A shipment not yet delivered, with its customer.
    public struct OpenShipment: Sendable, Hashable {
        public var shipmentID: String
        public var orderID: String
        public var customerID: String
        public var promisedBy: Date

        public init(shipmentID: String, orderID: String, customerID: String, promisedBy: Date) {
            self.shipmentID = shipmentID
            self.orderID = orderID
            self.customerID = customerID
            self.promisedBy = promisedBy
        }
    }

    /// A customer's latest purchase of a product with that product's reorder cycle (e.g. the median days
    /// between purchases of it), when no later purchase of it exists.
    public struct LastPurchase: Sendable, Hashable {
        public var customerID: String
        public var sku: String
        public var orderID: String
        public var boughtAt: Date
        public var cycleDays: Double

        public init(customerID: String, sku: String, orderID: String, boughtAt: Date, cycleDays: Double) {
            self.customerID = customerID
            self.sku = sku
            self.orderID = orderID
            self.boughtAt = boughtAt
            self.cycleDays = cycleDays
        }
    }

    /// Points of a customer that expire on a date (the loyalty programme's expiry notices).
    public struct ExpiringPoints: Sendable, Hashable {
        public var customerID: String
        public var points: Int
        public var on: CivilDate

        public init(customerID: String, points: Int, on: CivilDate) {
            self.customerID = customerID
            self.points = points
            self.on = on
        }
    }

    public var openShipments: [OpenShipment]
    public var lastPurchases: [LastPurchase]
    public var expiringPoints: [ExpiringPoints]

    public init(openShipments: [OpenShipment] = [], lastPurchases: [LastPurchase] = [], expiringPoints: [ExpiringPoints] = []) {
        self.openShipments = openShipments
        self.lastPurchases = lastPurchases
        self.expiringPoints = expiringPoints
    }
}
