// FlywheelMessaging: delivery adapters — an SMTP client on SwiftNIO and swift-nio-ssl (SMTP/), MIME
// messages (MIME/), Mustache templates per locale (Templates/) and an HTTP SMS gateway (SMS/).
// See docs/messaging.md.
