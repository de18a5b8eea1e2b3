package dev.portico.auth.accounts;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;

/**
 * How usernames are compared. A username is stored as Django's {@code AbstractBaseUser.normalize_username} leaves it,
 * in Unicode NFKC (fullwidth {@code ａｌｉｃｅ} is {@code alice}), and is unique by its {@linkplain #key key}: the
 * Unicode TR39 skeleton of its case-folded form, which {@code ALICE}, {@code Alice} and {@code аlice} (with a
 * Cyrillic {@code а}) share with {@code alice}. So no one registers a name that reads as another's. The skeleton is
 * ICU4J's ({@link SpoofChecker#getSkeleton}), the maintained implementation of Unicode's confusables data; it is
 * deliberately broad ({@code rn} reads as {@code m}, {@code 1} and {@code l} as one), as a reader's eye is.
 */
public final class Usernames {
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().build();

    private Usernames() {}

    /** Django's {@code normalize_username}: NFKC. */
    public static String normalize(String username) {
        return Normalizer.normalize(username, Normalizer.Form.NFKC);
    }

    /**
     * The key two usernames share when a reader would take one for the other: the TR39 skeleton of the full case
     * folding of the NFKC form. The {@code username_key} column holds it, under a unique index.
     */
    public static String key(String username) {
        return SKELETONS.getSkeleton(UCharacter.foldCase(normalize(username), true));
    }
}
