import FlywheelCore
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file opened for reading pieces of it from several threads at once: mapped into memory when it can be
/// (the pieces are then parsed where the kernel keeps the file's pages, with no copy — `pread` copying a
/// 2 GB file cost about as much system time as parsing a quarter of it), read with `pread` otherwise.
struct ChunkFile: @unchecked Sendable {
    let descriptor: Int32
    let size: Int64
    let path: String
    /// The whole file, mapped read-only; nil when it could not be mapped (or is empty).
    let mapped: UnsafeRawBufferPointer?

    init(path: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ImportFileError("cannot open \(path): no such file or no permission to read it")
        }
        let end = lseek(descriptor, 0, SEEK_END)
        self.descriptor = descriptor
        self.size = Int64(max(end, 0))
        self.path = path
        var mapped: UnsafeRawBufferPointer?
        if size > 0, let address = mmap(nil, Int(size), PROT_READ, MAP_PRIVATE, descriptor, 0),
            address != MAP_FAILED
        {
            #if canImport(Glibc)
            // Pieces are parsed front to back, several at once: read ahead generously.
            _ = madvise(address, Int(size), MADV_WILLNEED)
            #endif
            mapped = UnsafeRawBufferPointer(start: address, count: Int(size))
        }
        self.mapped = mapped
    }

    /// The bytes of `range` (within the file), mapped; nil when the file is not mapped.
    func bytes(_ range: Range<Int64>) -> UnsafeBufferPointer<UInt8>? {
        guard let mapped, let base = mapped.baseAddress else { return nil }
        return UnsafeBufferPointer(
            start: (base + Int(range.lowerBound)).assumingMemoryBound(to: UInt8.self),
            count: Int(range.upperBound - range.lowerBound))
    }

    /// Lets go of the mapped pages of `range` once parsed, so they stop counting in the process's resident
    /// memory (the kernel keeps them cached; the mapping is never written, so reading them again, as the
    /// neighbouring piece may for a shared page, faults the same bytes back in).
    func release(_ range: Range<Int64>) {
        guard let mapped, let base = mapped.baseAddress else { return }
        let page = Int64(sysconf(Int32(_SC_PAGESIZE)))
        let start = range.lowerBound / page * page
        let end = min((range.upperBound + page - 1) / page * page, Int64(mapped.count + Int(page) - 1) / page * page)
        guard end > start else { return }
        _ = madvise(UnsafeMutableRawPointer(mutating: base + Int(start)), Int(end - start), MADV_DONTNEED)
    }

    /// Up to `buffer.count` bytes from `offset` into `buffer` (fewer at the end of the file); how many.
    func read(offset: Int64, into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
        var done = 0
        while done < buffer.count {
            let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if n < 0 { throw ImportFileError("cannot read \(path) at byte \(offset + Int64(done))") }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// `count` bytes from `offset` (fewer at the end of the file).
    func read(offset: Int64, count: Int) throws -> [UInt8] {
        guard count > 0 else { return [] }
        let available = Int(min(Int64(count), max(size - offset, 0)))
        if let mapped = bytes(offset..<(offset + Int64(available))) { return Array(mapped) }
        return try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = try read(offset: offset, into: buffer)
        }
    }

    /// Unmaps and closes the file.
    func close() {
        if let mapped, let base = mapped.baseAddress {
            _ = munmap(UnsafeMutableRawPointer(mutating: base), mapped.count)
        }
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }
}
