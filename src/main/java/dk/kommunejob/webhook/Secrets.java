package dk.kommunejob.webhook;

import dk.kommunejob.common.JobsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signing secrets: made here (`whsec_` and 24 random bytes, base64, as Standard Webhooks writes them), stored only
 * encrypted (AES-256-GCM with JOBS_WEBHOOKS_SECRET_KEY, a fresh nonce each), so a copy of the database alone
 * cannot sign.
 */
@ApplicationScoped
public class Secrets {

    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    JobsConfig config;

    /** A new secret, as the subscriber is shown it once. */
    public String generate() {
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public boolean configured() {
        return key().isPresent();
    }

    public byte[] encrypt(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, secret.getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.allocate(nonce.length + sealed.length)
                .put(nonce)
                .put(sealed)
                .array();
    }

    public String decrypt(byte[] stored) {
        byte[] nonce = java.util.Arrays.copyOf(stored, NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
        return new String(cipher(Cipher.DECRYPT_MODE, nonce, sealed), StandardCharsets.UTF_8);
    }

    private byte[] cipher(int mode, byte[] nonce, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key().orElseThrow(), "AES"), new GCMParameterSpec(128, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // A wrong key (or a changed row) fails GCM's tag check; say so without the secret.
            throw new IllegalStateException("a webhook secret could not be "
                    + (mode == Cipher.ENCRYPT_MODE
                            ? "encrypted"
                            : "decrypted: is JOBS_WEBHOOKS_SECRET_KEY the key it was stored with?"));
        }
    }

    private Optional<byte[]> key() {
        return config.webhooks().secretKey().map(k -> Base64.getDecoder().decode(k));
    }
}
