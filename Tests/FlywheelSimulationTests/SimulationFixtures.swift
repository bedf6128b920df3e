import FlywheelCore
import FlywheelSimulation

/// Small simulations shared by the tests, generated once.
enum SimulationFixtures {
    /// 400 customers: enough for every kind of record, quick to generate in a debug build.
    static let simulator = ShopSimulator(config: SimulationConfig(customers: 400, seed: 7))

    /// `simulator`'s batches of 100 customers.
    static let batches: [IngestBatch] = Array(simulator.batches(customersPerBatch: 100))

    /// `simulator`'s orders CSV.
    static let csv: (bytes: [UInt8], summary: SimulationSummary) = ordersCSV(simulator)

    /// The whole CSV of a simulation as one byte array.
    static func ordersCSV(_ simulator: ShopSimulator, chunkSize: Int = 1 << 20) -> ([UInt8], SimulationSummary) {
        var bytes: [UInt8] = []
        let summary = simulator.writeOrdersCSV(chunkSize: chunkSize) { bytes.append(contentsOf: $0) }
        return (bytes, summary)
    }
}
