package dev.census.protocol.pii;

import java.util.Locale;
import java.util.function.Supplier;

/** The classes of personal or secret data that Census refuses to carry, each with the detector that finds it. */
public enum PiiKind {
    /** A URL whose authority carries a user name or password: {@code https://bob:pw@host/}. */
    URL_CREDENTIALS("a URL with user credentials", UrlCredentialsDetector::new),
    /** An e-mail address: {@code bob@example.com}. */
    EMAIL("an e-mail address", EmailDetector::new),
    /** An e-mail address written to dodge filters: {@code bob at example dot com}, {@code bob[at]example.com}. */
    DISGUISED_EMAIL("a disguised e-mail address", DisguisedEmailDetector::new),
    /** A home-directory path that names a user: {@code /home/bob}, {@code C:\Users\bob}. */
    HOME_PATH("a home-directory path", HomePathDetector::new),
    /** A MAC (EUI-48 or EUI-64) address: {@code 00:1a:2b:3c:4d:5e}. */
    MAC("a MAC address", MacDetector::new),
    /** An IPv6 address: {@code fe80::1}. */
    IPV6("an IPv6 address", Ipv6Detector::new),
    /** An IPv4 address: {@code 192.168.1.20}. */
    IPV4("an IPv4 address", Ipv4Detector::new),
    /** A national identifier or bank account number of fixed shape: a US SSN {@code 078-05-1120}, an IBAN. */
    NATIONAL_ID("a national identifier (SSN or IBAN)", NationalIdDetector::new),
    /** A payment card number that passes the Luhn check: {@code 4111 1111 1111 1111}. */
    PAYMENT_CARD("a payment card number", PaymentCardDetector::new),
    /** A telephone number: {@code +1 415 555 0100}, {@code (415) 555-0100}, {@code 020 7946 0958}. */
    PHONE("a phone number", PhoneDetector::new),
    /** A host name or fully qualified domain name: {@code db01.example.com}. */
    HOSTNAME("a host name", HostnameDetector::new),
    /** A key, token or password: a known key format, a credential assignment or a long random token. */
    SECRET("a secret (key, token or password)", SecretDetector::new);

    private final String description;
    private final Supplier<PiiDetector> detector;

    PiiKind(String description, Supplier<PiiDetector> detector) {
        this.description = description;
        this.detector = detector;
    }

    /**
     * A human phrase for messages.
     *
     * @return e.g. "an e-mail address"
     */
    public String description() {
        return description;
    }

    /**
     * The lowercase name used in drop reasons and statistics.
     *
     * @return e.g. {@code url_credentials}
     */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A new detector of this kind alone; {@link PiiDetectors} holds the shared ones. */
    PiiDetector newDetector() {
        return detector.get();
    }
}
