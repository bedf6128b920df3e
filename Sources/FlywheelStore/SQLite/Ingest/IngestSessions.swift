/// The customers each ingest session has counted, so a customer named by many batches of one import is
/// counted once (`IngestCounts`).
///
/// Kept in memory by the store, one bitmap per session (see `CustomerSet`), updated only after a batch
/// commits: a refused batch counts nobody as seen. The `capacity` most recently used sessions are kept; a
/// session older than that, or one from before the store was opened, starts afresh.
struct IngestSessions: Sendable {
    /// How many sessions are remembered.
    static let capacity = 32

    private var sessions: [String: CustomerSet] = [:]
    /// Session names, least recently used first.
    private var recency: [String] = []

    /// The customers `session` has counted so far.
    func counted(in session: String) -> CustomerSet { sessions[session] ?? CustomerSet() }

    /// Records the customers a committed batch of `session` counted.
    mutating func record(_ customers: [Int64], in session: String) {
        var set = sessions.removeValue(forKey: session) ?? CustomerSet()
        for id in customers { set.insert(id) }
        sessions[session] = set
        recency.removeAll { $0 == session }
        recency.append(session)
        while recency.count > Self.capacity { sessions[recency.removeFirst()] = nil }
    }
}
