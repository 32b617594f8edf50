package io.newsdesk.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 64-bit hash functions behind the fingerprints. They are part of the stored format: shingle, MinHash and band
 * hashes written to the database stay comparable only while these functions (and the seeds) stay as they are.
 */
final class Hashing {

    /** The golden-ratio increment of SplitMix64. */
    static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hashing() {
    }

    /** MurmurHash3's 64-bit finalizer: a bijective mix with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    /** 64-bit FNV-1a over the UTF-16 units of {@code s} from {@code from} (inclusive) to {@code to}, then mixed. */
    static long chars(CharSequence s, int from, int to) {
        long h = 0xCBF29CE484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** The first 8 bytes of the SHA-256 of the UTF-8 bytes of {@code s}, big-endian. */
    static long sha256(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (digest[i] & 0xFF);
            }
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The {@code n} values of a SplitMix64 sequence started at {@code seed}: deterministic, well spread. */
    static long[] splitMix(long seed, int n) {
        long[] out = new long[n];
        long state = seed;
        for (int i = 0; i < n; i++) {
            state += GOLDEN;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            out[i] = z ^ (z >>> 31);
        }
        return out;
    }
}
