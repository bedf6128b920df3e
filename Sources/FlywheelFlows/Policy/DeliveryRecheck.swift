public import FlywheelCore

/// The last look before a queued message goes out. A message is rendered and queued when its step runs; if
/// the customer unsubscribes, revokes consent or the address is suppressed before a delivery worker claims
/// it, it must not go out after all. The worker asks this for every claimed message, with what the store
/// holds now.
///
/// Rules (the send-time rules of `ContactPolicy`, as far as they can change between queueing and delivery):
/// - a suppression that blocks the class (`SuppressionReason.blocks`) withdraws it: an unsubscribe stops
///   marketing, an objection or complaint service too, a hard bounce or erasure everything;
/// - marketing and service need the customer still stored (an erased customer is under a pseudonym);
/// - marketing e-mail is withdrawn when the e-mail consent is now `revoked` (consent or the existing-customer
///   exemption may have carried it; a revocation ends both); marketing SMS needs `granted` consent still.
/// Transactional mail to a valid address is never withdrawn.
public enum DeliveryRecheck {
    /// Why the message must not go out any more (prefixed "withdrawn before delivery: "), or `nil` when it may.
    /// `consent` is the customer's current state on the message's channel (`nil` when not stored).
    public static func withdrawal(
        messageClass: MessageClass, channel: Channel, customerStored: Bool, consent: ConsentState?,
        suppression: SuppressionReason?
    ) -> String? {
        let prefix = "withdrawn before delivery: "
        if let suppression, suppression.blocks(messageClass) {
            return prefix + "the address is suppressed (\(suppression.rawValue))"
        }
        guard messageClass != .transactional else { return nil }
        guard customerStored else { return prefix + "the customer is no longer stored (erased)" }
        guard messageClass == .marketing else { return nil }
        switch channel {
        case .email where consent == .revoked:
            return prefix + "the customer revoked e-mail consent"
        case .sms where consent != .granted:
            return prefix + "the customer has no SMS consent any more"
        case .email, .sms:
            return nil
        }
    }
}
