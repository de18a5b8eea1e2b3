package dev.portico.pipeline;

/** Whether an {@code Accept} header admits a media type; parsed by hand, no regular expression per request. */
final class Negotiation {

    private Negotiation() {
    }

    /** Whether {@code accept} (null when absent) allows {@code produced}, such as {@code application/json}. */
    static boolean acceptable(String accept, String produced) {
        if (accept == null || accept.isEmpty()) {
            return true;
        }
        int slash = produced.indexOf('/');
        String type = produced.substring(0, slash);
        int start = 0;
        while (start < accept.length()) {
            int comma = accept.indexOf(',', start);
            int end = comma < 0 ? accept.length() : comma;
            if (admits(accept.substring(start, end), produced, type)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static boolean admits(String range, String produced, String type) {
        int semi = range.indexOf(';');
        String essence = (semi < 0 ? range : range.substring(0, semi)).trim();
        if (semi >= 0 && zeroQuality(range.substring(semi + 1))) {
            return false;
        }
        return essence.equals("*/*") || essence.equalsIgnoreCase(produced)
                || (essence.endsWith("/*") && essence.regionMatches(true, 0, type, 0, type.length())
                        && essence.length() == type.length() + 2);
    }

    private static boolean zeroQuality(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2)) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }
}
