import Foundation
import Hummingbird

/// The body of `POST /api/v1/orders`, decoded as Flywheel's generated types decode it.
struct OrderBody: Codable {
    struct Line: Codable {
        var sku: String?
        var title: String?
        var quantity: Int
        var total_minor: Int64
    }
    var id: String
    var customer_id: String?
    var placed_at: Date
    var currency: String
    var line_items: [Line]?
    var subtotal_minor: Int64
    var total_minor: Int64
}

struct Answer: ResponseEncodable {
    var id: String
    var result: String
}

let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 8090
let router = Router()
let decoder = JSONDecoder()
decoder.dateDecodingStrategy = .iso8601
router.post("/api/v1/orders") { request, context -> EditedResponse<Answer> in
    let body = try await request.body.collect(upTo: 1 << 20)
    let order = try decoder.decode(OrderBody.self, from: Data(body.readableBytesView))
    return EditedResponse(status: .created, response: Answer(id: order.id, result: "created"))
}
router.get("/api/v1/customers/{id}") { _, context -> Answer in
    Answer(id: context.parameters.get("id") ?? "", result: "unchanged")
}
let app = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "ceiling"),
    onServerRunning: { _ in print("listening on \(port)"); fflush(nil) })
try await app.runService()
