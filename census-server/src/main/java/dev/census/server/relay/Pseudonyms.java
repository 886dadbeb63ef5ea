package dev.census.server.relay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a system ID by a keyed hash of it (HMAC-SHA-256 under the relay's secret) shaped as a
 * random UUID: the same installation always gets the same pseudonym, and without the secret the
 * pseudonym cannot be linked to the ID.
 */
final class Pseudonyms {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    Pseudonyms(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the pseudonymization secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    UUID of(UUID systemId) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            hash = mac.doFinal(systemId.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is part of every JDK", e);
        }
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x40); // version 4, as the random IDs it stands for
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the IETF variant
        ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bits.getLong(), bits.getLong());
    }
}
