/// A buffer's address handed to threads that write disjoint ranges of it (`ThreadedWork.run`); the memory
/// is owned elsewhere (`SharedBuffer` owns its own).
struct SharedPointer<Element>: @unchecked Sendable {
    let elements: UnsafeMutableBufferPointer<Element>
}
