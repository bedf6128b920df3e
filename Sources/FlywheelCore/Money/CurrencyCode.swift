/// An ISO 4217 currency code with the number of digits of its minor unit (EUR: 2, JPY: 0, KWD: 3).
public struct CurrencyCode: Hashable, Sendable, CustomStringConvertible {
    /// The three upper-case letters, e.g. `EUR`.
    public let code: String
    /// How many decimal digits the minor unit has (cents: 2).
    public let minorUnitDigits: Int

    /// Looks up a code in the ISO 4217 table; `nil` when it is not an active currency code.
    public init?(_ code: String) {
        guard let digits = CurrencyCode.table[code] else { return nil }
        self.code = code
        self.minorUnitDigits = digits
    }

    public var description: String { code }

    public static let eur = CurrencyCode("EUR")!
    public static let usd = CurrencyCode("USD")!

    /// Every active ISO 4217 code, with its minor-unit exponent where that is not 2.
    static let table: [String: Int] = {
        let twoDigits = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF \
            CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD HNL \
            HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP \
            MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD \
            SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS \
            VES WST XCD YER ZAR ZMW ZWL
            """
        var table: [String: Int] = [:]
        for code in twoDigits.split(separator: " ") { table[String(code)] = 2 }
        for code in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split(separator: " ") {
            table[String(code)] = 0
        }
        for code in "BHD IQD JOD KWD LYD OMR TND".split(separator: " ") { table[String(code)] = 3 }
        return table
    }()
}
