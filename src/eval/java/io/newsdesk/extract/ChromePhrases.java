package io.newsdesk.extract;

/** The chrome stripper's phrase list ("read more", "sign up", "all rights reserved"…) for the evaluations. */
public final class ChromePhrases {

    private ChromePhrases() {
    }

    /** Whether the line holds a phrase that site furniture uses and prose rarely does. */
    public static boolean contains(String line) {
        return ChromeVocabulary.chromePhrases(line) > 0;
    }
}
