extension ExternalIDHash {
    /// `ExternalIDHash.hash` of ids of one length that share a prefix, with the prefix's bytes hashed once:
    /// `hash(rest:)` continues from where the prefix left off and gives exactly `hash(prefix + rest)`.
    /// For readers that key many rows by a composed id (`cdnow:<customer>:<day>:<n>`).
    public struct Prefix: Sendable {
        @usableFromInline let fnv: UInt64
        @usableFromInline let mix: UInt64
        /// The length of the whole ids (prefix and rest), which the hash's second lane starts from.
        public let length: Int

        /// The state after `prefix`, for ids of `length` bytes in all.
        @inlinable
        public init(_ prefix: UnsafeBufferPointer<UInt8>, length: Int) {
            var fnv: UInt64 = 0xcbf2_9ce4_8422_2325
            var mix: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(length)
            for byte in prefix {
                fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                mix = (mix &+ UInt64(byte) &+ 1) &* 0xff51_afd7_ed55_8ccd
                mix ^= mix >> 29
            }
            self.fnv = fnv
            self.mix = mix
            self.length = length
        }

        /// The hash of the id made of the prefix and `rest` (whose length makes up `length`).
        @inlinable
        public func hash(rest: UnsafeBufferPointer<UInt8>) -> (high: UInt64, low: UInt64) {
            var fnv = self.fnv
            var mix = self.mix
            for byte in rest {
                fnv = (fnv ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                mix = (mix &+ UInt64(byte) &+ 1) &* 0xff51_afd7_ed55_8ccd
                mix ^= mix >> 29
            }
            return (fmix64(fnv), fmix64(mix ^ 0xc4ce_b9fe_1a85_ec53))
        }
    }
}
