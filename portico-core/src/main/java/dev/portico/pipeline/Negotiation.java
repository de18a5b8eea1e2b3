package dev.portico.pipeline;

/** Whether an {@code Accept} header admits a media type; parsed by hand, no regular expression per request. */
final class Negotiation {

    private Negotiation() {}

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

    /**
     * Whether a browser asks for HTML: {@code text/html} is listed with a quality above zero and
     * {@code application/json} is not listed with a higher one. {@code *}{@code /*} alone is JSON, as DRF's first
     * renderer answers it; {@code text/html, application/json} is HTML, the browser's own order.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isEmpty()) {
            return false;
        }
        double html = -1;
        double json = -1;
        for (String range : accept.split(",")) {
            int semi = range.indexOf(';');
            String essence = (semi < 0 ? range : range.substring(0, semi)).trim();
            double q = semi < 0 ? 1 : quality(range.substring(semi + 1));
            if (essence.equalsIgnoreCase("text/html")) {
                html = Math.max(html, q);
            } else if (essence.equalsIgnoreCase("application/json")) {
                json = Math.max(json, q);
            }
        }
        return html > 0 && html >= json;
    }

    private static double quality(String params) {
        for (String param : params.split(";")) {
            String p = param.trim();
            if (p.startsWith("q=") || p.startsWith("Q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static boolean admits(String range, String produced, String type) {
        int semi = range.indexOf(';');
        String essence = (semi < 0 ? range : range.substring(0, semi)).trim();
        if (semi >= 0 && zeroQuality(range.substring(semi + 1))) {
            return false;
        }
        return essence.equals("*/*")
                || essence.equalsIgnoreCase(produced)
                || (essence.endsWith("/*")
                        && essence.regionMatches(true, 0, type, 0, type.length())
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
