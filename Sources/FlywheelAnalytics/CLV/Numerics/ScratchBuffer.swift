import Foundation

/// Memory an optimizer's evaluations reuse instead of allocating their temporary arrays each time: a
/// likelihood over a few hundred thousand groups writes megabytes of terms per evaluation, and fresh
/// memory of that size is a fresh mapping whose every page faults on first touch (docs/performance.md,
/// "Ninth round"). One user at a time: a second, concurrent user gets memory of its own for its call, so
/// sharing a likelihood between threads stays correct.
final class ScratchBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: UnsafeMutableRawPointer?
    private var capacity = 0
    private var busy = false
    /// The memory's alignment: enough for every scalar the likelihoods use.
    private static let alignment = 16

    init() {}

    deinit { storage?.deallocate() }

    /// Runs `body` with room for `count` values of `type` (uninitialized: `body` writes before it reads;
    /// the element types are trivial, so nothing needs deinitializing).
    func withBuffer<S: BitwiseCopyable, R>(
        of type: S.Type, count: Int, _ body: (UnsafeMutableBufferPointer<S>) -> R
    ) -> R {
        precondition(MemoryLayout<S>.alignment <= Self.alignment, "an element aligned to more than 16 bytes")
        let bytes = max(1, count * MemoryLayout<S>.stride)
        lock.lock()
        guard !busy else {
            lock.unlock()
            let own = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: Self.alignment)
            defer { own.deallocate() }
            return body(UnsafeMutableBufferPointer(start: own.bindMemory(to: S.self, capacity: count), count: count))
        }
        busy = true
        if capacity < bytes {
            storage?.deallocate()
            storage = .allocate(byteCount: bytes, alignment: Self.alignment)
            capacity = bytes
        }
        let memory = storage!
        lock.unlock()
        defer {
            lock.lock()
            busy = false
            lock.unlock()
        }
        return body(UnsafeMutableBufferPointer(start: memory.bindMemory(to: S.self, capacity: count), count: count))
    }
}
