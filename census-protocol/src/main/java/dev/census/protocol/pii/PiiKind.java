package dev.census.protocol.pii;

import java.util.Locale;

/** The classes of personal or secret data that Census refuses to carry. */
public enum PiiKind {
    /** A URL whose authority carries a user name or password: {@code https://bob:pw@host/}. */
    URL_CREDENTIALS("a URL with user credentials"),
    /** An e-mail address: {@code bob@example.com}. */
    EMAIL("an e-mail address"),
    /** An e-mail address written to dodge filters: {@code bob at example dot com}, {@code bob[at]example.com}. */
    DISGUISED_EMAIL("a disguised e-mail address"),
    /** A home-directory path that names a user: {@code /home/bob}, {@code C:\Users\bob}. */
    HOME_PATH("a home-directory path"),
    /** A MAC (EUI-48 or EUI-64) address: {@code 00:1a:2b:3c:4d:5e}. */
    MAC("a MAC address"),
    /** An IPv6 address: {@code fe80::1}. */
    IPV6("an IPv6 address"),
    /** An IPv4 address: {@code 192.168.1.20}. */
    IPV4("an IPv4 address"),
    /** A national identifier or bank account number of fixed shape: a US SSN {@code 078-05-1120}, an IBAN. */
    NATIONAL_ID("a national identifier (SSN or IBAN)"),
    /** A payment card number that passes the Luhn check: {@code 4111 1111 1111 1111}. */
    PAYMENT_CARD("a payment card number"),
    /** A telephone number: {@code +1 415 555 0100}, {@code (415) 555-0100}, {@code 020 7946 0958}. */
    PHONE("a phone number"),
    /** A host name or fully qualified domain name: {@code db01.example.com}. */
    HOSTNAME("a host name"),
    /** A key, token or password: a known key format, a credential assignment or a long random token. */
    SECRET("a secret (key, token or password)");

    private final String description;

    PiiKind(String description) {
        this.description = description;
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
}
