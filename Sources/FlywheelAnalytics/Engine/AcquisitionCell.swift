/// The figures of the customers acquired in a period through one channel.
struct AcquisitionCell: AdditiveCell {
    var newCustomers: Int64 = 0
    var lifetimeOrders: Int64 = 0
    var lifetimeNet: Int64 = 0

    static let zero = AcquisitionCell()
}
