import FlywheelCore

extension APIHandler {
    /// Ready when the store answers a read.
    func getHealth(_ input: Operations.GetHealth.Input) async throws -> Operations.GetHealth.Output {
        do {
            _ = try await store.shopSettings()
            return .ok(.init(body: .json(.init(status: .ok, database: .ok))))
        } catch {
            return .serviceUnavailable(.init(body: .json(.init(status: .unavailable, database: .unavailable))))
        }
    }
}
