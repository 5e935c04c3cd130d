package vn.loa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loa's TOTP against the test vectors of RFC 6238 (appendix B, HMAC-SHA1) and RFC 4226 (appendix D). */
class TotpTest {

    /** The RFCs' shared secret, ASCII "12345678901234567890". */
    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
        "59, 94287082",
        "1111111109, 07081804",
        "1111111111, 14050471",
        "1234567890, 89005924",
        "2000000000, 69279037",
        "20000000000, 65353130"
    })
    void rfc6238Sha1Vectors(long unixSeconds, String expected) {
        assertThat(Totp.code(SECRET, Totp.step(Instant.ofEpochSecond(unixSeconds)), 8))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 755224",
        "1, 287082",
        "2, 359152",
        "3, 969429",
        "4, 338314",
        "5, 254676",
        "6, 287922",
        "7, 162583",
        "8, 399871",
        "9, 520489"
    })
    void rfc4226HotpVectors(long counter, String expected) {
        assertThat(Totp.code(SECRET, counter, 6)).isEqualTo(expected);
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        var at = Instant.ofEpochSecond(1_111_111_111L);
        var step = Totp.step(at);
        var now = Totp.code(SECRET, step, 6);
        assertThat(Totp.matchingStep(SECRET, now, at)).hasValue(step);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step - 1, 6), at))
                .hasValue(step - 1);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step + 1, 6), at))
                .hasValue(step + 1);
        assertThat(Totp.matchingStep(SECRET, Totp.code(SECRET, step - 2, 6), at))
                .isEmpty();
        assertThat(Totp.matchingStep(SECRET, "12345", at)).isEmpty();
        assertThat(Totp.matchingStep(SECRET, null, at)).isEmpty();
    }

    @Test
    void secretsRoundTripThroughBase32AsAuthenticatorAppsTakeThem() {
        assertThat(Totp.base32(SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.fromBase32("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")).isEqualTo(SECRET);
    }
}
