package dev.portico.auth.accounts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Django's {@code UserAttributeSimilarityValidator}, with its exact rule: the password and each attribute lower-cased;
 * the attribute compared whole and split on non-word characters ({@code ada@example.com} gives {@code ada},
 * {@code example}, {@code com} and itself); a part far shorter than the password skipped (Django's
 * {@code exceeds_maximum_length_ratio}); refused when difflib's {@code SequenceMatcher.quick_ratio()} reaches the
 * maximum. {@code quick_ratio} is the share of characters the two have in common as multisets,
 * {@code 2 * matches / (len(a) + len(b))}, which is all Django asks of difflib here, so no library is needed.
 *
 * <p>One addition, which Django's ratio misses: a password that is an attribute (of at least 3 characters) repeated,
 * or one with fewer than {@value #LEAST_REST} characters besides it, is too similar as well. The ratio of a name
 * typed twice ({@code alicealice} for {@code alice}) is 2/3, below Django's 0.7, so Django takes it.
 */
final class AttributeSimilarity implements PasswordValidator {
    /** Django's default attributes. */
    static final List<String> DEFAULT_ATTRIBUTES = List.of("username", "first_name", "last_name", "email");
    /** Django's default maximum. */
    static final double DEFAULT_MAX_SIMILARITY = 0.7;
    /** The verbose names of Django's {@code User} fields, which the message names. */
    private static final Map<String, String> VERBOSE = Map.of(
            "username", "username", "first_name", "first name", "last_name", "last name", "email", "email address");
    /** Fewest characters a password must keep once an attribute's every occurrence is taken out of it. */
    static final int LEAST_REST = 4;

    private static final Pattern NON_WORD = Pattern.compile("\\W+", Pattern.UNICODE_CHARACTER_CLASS);

    private final List<String> attributes;
    private final double maxSimilarity;

    AttributeSimilarity(List<String> attributes, double maxSimilarity) {
        if (maxSimilarity < 0.1) {
            throw new IllegalArgumentException("UserAttributeSimilarityValidator's max_similarity must be at least 0.1"
                    + " (was " + maxSimilarity + ")");
        }
        this.attributes = List.copyOf(attributes);
        this.maxSimilarity = maxSimilarity;
    }

    @Override
    public Optional<String> validate(String password, Map<String, String> user) {
        String lower = password.toLowerCase(Locale.ROOT);
        for (String attribute : attributes) {
            String value = user.get(attribute);
            if (value == null || value.isEmpty()) {
                continue;
            }
            for (String part : parts(value.toLowerCase(Locale.ROOT))) {
                if (!farShorter(lower, part) && quickRatio(lower, part) >= maxSimilarity || mostlyMadeOf(lower, part)) {
                    return Optional.of(
                            "The password is too similar to the " + VERBOSE.getOrDefault(attribute, attribute) + ".");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the password is little more than {@code part}, however often repeated. */
    private static boolean mostlyMadeOf(String password, String part) {
        if (part.codePointCount(0, part.length()) < 3 || !password.contains(part)) {
            return false;
        }
        String rest = password.replace(part, "");
        return rest.codePointCount(0, rest.length()) < LEAST_REST;
    }

    /** Python's {@code re.split(r'\W+', value) + [value]}: empty parts included, as Python keeps them. */
    private static List<String> parts(String value) {
        List<String> parts = new ArrayList<>(List.of(NON_WORD.split(value, -1)));
        parts.add(value);
        return parts;
    }

    /** Django's {@code exceeds_maximum_length_ratio}: a part this short can never reach the maximum. */
    private boolean farShorter(String password, String part) {
        int passwordLength = password.codePointCount(0, password.length());
        int partLength = part.codePointCount(0, part.length());
        return passwordLength >= 10 * partLength && partLength < maxSimilarity / 2 * passwordLength;
    }

    /** difflib's {@code SequenceMatcher(a=a, b=b).quick_ratio()}, over code points. */
    static double quickRatio(String a, String b) {
        int[] left = a.codePoints().toArray();
        int[] right = b.codePoints().toArray();
        int total = left.length + right.length;
        if (total == 0) {
            return 1.0;
        }
        Map<Integer, Integer> available = new HashMap<>();
        for (int c : right) {
            available.merge(c, 1, Integer::sum);
        }
        int matches = 0;
        for (int c : left) {
            Integer n = available.get(c);
            if (n != null && n > 0) {
                available.put(c, n - 1);
                matches++;
            }
        }
        return 2.0 * matches / total;
    }
}
