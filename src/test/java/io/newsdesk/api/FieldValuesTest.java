package io.newsdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsdesk.text.InvisibleText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document states the text rules as patterns (FieldValues' constants); these tests keep them in step with
 * the checks the service runs, on every character of the Basic Multilingual Plane and on generated strings: what
 * the document allows, the service accepts.
 */
class FieldValuesTest {

    private static final Pattern LINE = Pattern.compile(FieldValues.LINE_PATTERN);
    private static final Pattern VISIBLE_LINE = Pattern.compile(FieldValues.VISIBLE_LINE_PATTERN);

    @Test
    void theLinePatternAllowsExactlyWhatTheSingleLineCheckAllows() {
        List<String> disagreements = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            String text = "a" + c + "b";
            boolean accepted = FieldValues.checkCharacters(text, "source", true, new ArrayList<>());
            if (LINE.matcher(text).matches() != accepted) {
                disagreements.add(String.format("U+%04X", (int) c));
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void aTitleTheVisibleLinePatternAllowsIsNotBlank() {
        List<String> allowedButBlank = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            String title = String.valueOf(c);
            if (VISIBLE_LINE.matcher(title).matches() && !acceptedAsTitle(title)) {
                allowedButBlank.add(String.format("U+%04X", (int) c));
            }
        }
        assertThat(allowedButBlank).isEmpty();
        for (String invisible : List.of("\u3164", "\u115F\u1160", "\u2800", "\uFFA0", "\u200B\u2060", "\u00A0 \t",
                "\u034F\uFE0F")) {
            assertThat(VISIBLE_LINE.matcher(invisible).matches()).as(invisible.codePoints().boxed().toList().toString())
                    .isFalse();
            assertThat(acceptedAsTitle(invisible)).isFalse();
        }
    }

    @Test
    void generatedTitlesTheDocumentAllowsAreAccepted() {
        Random random = new Random(14);
        String alphabet = "a Z9\t\u00A0\u200B\u3164\u2800\u00AD\u0007\u0085\u061C\u0600\uFE0F\u00E9\u6771\u0645";
        int allowed = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder title = new StringBuilder();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                title.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (VISIBLE_LINE.matcher(title).matches()) {
                allowed++;
                assertThat(acceptedAsTitle(title.toString())).as(title.codePoints().boxed().toList().toString())
                        .isTrue();
            }
        }
        assertThat(allowed).isGreaterThan(1000);
    }

    @Test
    void timestampsOutsidePostgresRangeAreRefused() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(FieldValues.parseTimestamp("+294277-01-01T00:00:00Z", "since", errors)).isNull();
        assertThat(FieldValues.parseTimestamp("0999-12-31T23:59:59Z", "since", errors)).isNull();
        assertThat(errors).extracting(FieldError::field).containsExactly("since", "since");
        assertThat(FieldValues.isStorableTimestamp(Instant.parse("9999-12-31T23:59:59.999999Z"))).isTrue();
        assertThat(FieldValues.isStorableTimestamp(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
    }

    /** What SubmissionValidator accepts as a title (length aside). */
    private static boolean acceptedAsTitle(String title) {
        return !InvisibleText.isBlank(title)
                && FieldValues.checkCharacters(title.strip(), "title", true, new ArrayList<>());
    }
}
