import FlywheelCore

/// The customer pages' words in German and English; templates reach them as `{{t.key}}`. Both tables have
/// the same keys (a test checks).
enum CustomerPageText {
    static func table(_ locale: ShopLocale) -> [String: String] { locale == .de ? de : en }

    static let en: [String: String] = [
        "link_invalid_title": "This link does not work",
        "link_invalid": "This link is not valid or has expired. Please use the link in a newer message from us, or write to us and we will help.",
        "unsubscribe_title": "Unsubscribe",
        "unsubscribe_email": "Stop marketing e-mails to you?",
        "unsubscribe_sms": "Stop marketing text messages to you?",
        "unsubscribe_explain": "You will still get messages about your orders (confirmations, shipping, invoices).",
        "unsubscribe_button": "Unsubscribe",
        "unsubscribed_title": "You are unsubscribed",
        "unsubscribed_email": "We will send you no more marketing e-mails.",
        "unsubscribed_sms": "We will send you no more marketing text messages.",
        "preferences_link": "Manage all your preferences",
        "preferences_title": "Your preferences",
        "preferences_intro": "Choose which marketing messages you would like from us.",
        "preferences_email": "News and offers by e-mail",
        "preferences_sms": "News and offers by text message",
        "preferences_on": "on", "preferences_off": "off",
        "state_granted": "on", "state_pending": "waiting for your confirmation (see your e-mail)", "state_off": "off",
        "preferences_current": "Currently",
        "preferences_save": "Save",
        "preferences_saved": "Your preferences are saved.",
        "preferences_expired_form": "The form had expired; please try again.",
        "legal_notice": "You can withdraw your consent at any time, free of charge (other than basic transmission costs), here or through the link in every message. Messages about your orders are not affected. Details are in our privacy policy.",
        "confirm_title": "Confirm your subscription",
        "confirm_text": "Please confirm that you would like news and offers from us by e-mail.",
        "confirm_button": "Yes, subscribe me",
        "confirmed_title": "Thank you!",
        "confirmed_text": "Your subscription is confirmed. You can unsubscribe at any time through the link in every e-mail.",
        "nothing_to_confirm": "There is nothing to confirm for this link any more.",
    ]

    static let de: [String: String] = [
        "link_invalid_title": "Dieser Link funktioniert nicht",
        "link_invalid": "Dieser Link ist ungültig oder abgelaufen. Bitte nutzen Sie den Link aus einer neueren Nachricht von uns, oder schreiben Sie uns – wir helfen gern.",
        "unsubscribe_title": "Abmelden",
        "unsubscribe_email": "Keine Werbe-E-Mails mehr erhalten?",
        "unsubscribe_sms": "Keine Werbe-SMS mehr erhalten?",
        "unsubscribe_explain": "Nachrichten zu Ihren Bestellungen (Bestätigungen, Versand, Rechnungen) erhalten Sie weiterhin.",
        "unsubscribe_button": "Abmelden",
        "unsubscribed_title": "Sie sind abgemeldet",
        "unsubscribed_email": "Wir senden Ihnen keine Werbe-E-Mails mehr.",
        "unsubscribed_sms": "Wir senden Ihnen keine Werbe-SMS mehr.",
        "preferences_link": "Alle Einstellungen verwalten",
        "preferences_title": "Ihre Einstellungen",
        "preferences_intro": "Wählen Sie, welche Werbenachrichten Sie von uns erhalten möchten.",
        "preferences_email": "Neuigkeiten und Angebote per E-Mail",
        "preferences_sms": "Neuigkeiten und Angebote per SMS",
        "preferences_on": "an", "preferences_off": "aus",
        "state_granted": "an", "state_pending": "wartet auf Ihre Bestätigung (siehe Ihre E-Mail)", "state_off": "aus",
        "preferences_current": "Derzeit",
        "preferences_save": "Speichern",
        "preferences_saved": "Ihre Einstellungen sind gespeichert.",
        "preferences_expired_form": "Das Formular war abgelaufen; bitte versuchen Sie es noch einmal.",
        "legal_notice": "Sie können Ihre Einwilligung jederzeit kostenlos (abgesehen von den Übermittlungskosten nach den Basistarifen) widerrufen – hier oder über den Link in jeder Nachricht. Nachrichten zu Ihren Bestellungen sind davon nicht berührt. Einzelheiten finden Sie in unserer Datenschutzerklärung.",
        "confirm_title": "Anmeldung bestätigen",
        "confirm_text": "Bitte bestätigen Sie, dass Sie Neuigkeiten und Angebote von uns per E-Mail erhalten möchten.",
        "confirm_button": "Ja, ich möchte mich anmelden",
        "confirmed_title": "Vielen Dank!",
        "confirmed_text": "Ihre Anmeldung ist bestätigt. Sie können sich jederzeit über den Link in jeder E-Mail abmelden.",
        "nothing_to_confirm": "Für diesen Link gibt es nichts mehr zu bestätigen.",
    ]
}
