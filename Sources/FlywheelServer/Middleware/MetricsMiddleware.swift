import Hummingbird

/// Counts each request and its latency by route template (`/api/v1/orders/{id}`, never the raw path, so ids
/// don't become label values), method and status class.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let start = ContinuousClock.now
        let route = context.endpointPath ?? "unmatched"
        do {
            let response = try await next(request, context)
            metrics.recordRequest(
                route: route, method: request.method.rawValue, status: response.status.code,
                duration: ContinuousClock.now - start)
            return response
        } catch {
            let status = (error as? APIProblem)?.status.code ?? (error as? HTTPError)?.status.code ?? 500
            metrics.recordRequest(
                route: route, method: request.method.rawValue, status: status, duration: ContinuousClock.now - start)
            throw error
        }
    }
}
