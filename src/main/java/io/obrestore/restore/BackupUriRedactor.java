package io.obrestore.restore;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Rewrites {@code BACKUP_SET_LIST} / {@code BACKUP_PIECE_LIST} without secrets, following obshell's
 * {@code GenerateURIWithoutSecret} rule by rule (docs/restore-views.md §4): only {@code host}, {@code delete_mode}
 * and, per scheme, {@code appid} (cos) or {@code s3_region} (s3) survive; anything unparseable becomes {@code ""}.
 *
 * <p>Deliberate departures from obshell, both to stop leaks:
 * <ul>
 *   <li>A comma-joined list is split and each element is redacted on its own. obshell parses the whole field as
 *       one URI, so the first element's last kept parameter swallows the next element, secrets included.</li>
 *   <li>A kept value that decodes to URI syntax ({@code &}, {@code =}, {@code ?}, {@code ,}, {@code #}) or control
 *       characters rejects the element: {@code host=h%26access_key%3Dleak} would otherwise be written out as
 *       {@code host=h&access_key=leak}.</li>
 * </ul>
 */
public final class BackupUriRedactor {

    private static final Pattern UNSAFE_VALUE = Pattern.compile("[&=?,#\\p{Cntrl}]");

    private BackupUriRedactor() {
    }

    /**
     * Redacts every comma-separated element; an unparseable element becomes {@code ""} in its place. A list with
     * nothing parseable at all (NULL, empty, or only bad elements) becomes {@code ""}.
     */
    public static String redactList(String list) {
        if (list == null || list.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner(",");
        boolean anyKept = false;
        for (String element : list.split(",", -1)) {
            String redacted = redact(element);
            anyKept |= !redacted.isEmpty();
            joined.add(redacted);
        }
        return anyKept ? joined.toString() : "";
    }

    /** Redacts one URI; {@code ""} when obshell's parser would reject it or a kept value looks smuggled. */
    public static String redact(String uri) {
        // Scheme prefixes are matched exactly and case-sensitively, as obshell does.
        if (uri.startsWith("oss://")) {
            return objectStore(Scheme.OSS, uri.substring("oss://".length()));
        }
        if (uri.startsWith("cos://")) {
            return objectStore(Scheme.COS, uri.substring("cos://".length()));
        }
        if (uri.startsWith("s3://")) {
            return objectStore(Scheme.S3, uri.substring("s3://".length()));
        }
        if (uri.startsWith("file://")) {
            String path = uri.substring("file://".length());
            // NFS paths carry no credentials; obshell returns them unchanged, trailing slashes included.
            return path.startsWith("/") && path.indexOf('?') < 0 ? uri : "";
        }
        return "";
    }

    private enum Scheme { OSS, COS, S3 }

    private static String objectStore(Scheme scheme, String rest) {
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return "";
        }
        String bucket = rest.substring(0, slash);
        String path = rest.substring(slash + 1);
        int question = path.indexOf('?');
        if (question < 0 || question == path.length() - 1) {
            return "";
        }
        String key = stripTrailingSlashes(path.substring(0, question));
        // obshell turns '+' into %2B first, so a '+' inside a value survives decoding as '+', not as a space.
        Map<String, List<String>> params = parseQuery(path.substring(question + 1).replace("+", "%2B"));
        if (params == null) {
            return "";
        }
        String host = first(params, "host");
        String deleteMode = first(params, "delete_mode");
        StringBuilder out = new StringBuilder(scheme.name().toLowerCase()).append("://")
                .append(bucket).append('/').append(key).append("?host=").append(host);
        List<String> kept = new ArrayList<>(List.of(host, deleteMode));
        switch (scheme) {
            case COS -> {
                String appId = first(params, "appid");
                if (appId.isEmpty()) {
                    return "";
                }
                out.append("&appid=").append(appId);
                kept.add(appId);
            }
            case S3 -> {
                String region = first(params, "s3_region");
                if (!region.isEmpty()) {
                    out.append("&s3_region=").append(region);
                }
                kept.add(region);
            }
            case OSS -> {
                // oss keeps only host and delete_mode
            }
        }
        if (!deleteMode.isEmpty()) {
            out.append("&delete_mode=").append(deleteMode);
        }
        return kept.stream().anyMatch(v -> UNSAFE_VALUE.matcher(v).find()) ? "" : out.toString();
    }

    private static String stripTrailingSlashes(String key) {
        int end = key.length();
        while (end > 0 && key.charAt(end - 1) == '/') {
            end--;
        }
        return key.substring(0, end);
    }

    /** Go's {@code url.ParseQuery}: any ';' or broken escape fails the whole query (null). */
    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> params = new HashMap<>();
        boolean failed = false;
        for (String piece : query.split("&", -1)) {
            if (piece.indexOf(';') >= 0) {
                failed = true;
                continue;
            }
            if (piece.isEmpty()) {
                continue;
            }
            int eq = piece.indexOf('=');
            String rawKey = eq < 0 ? piece : piece.substring(0, eq);
            String rawValue = eq < 0 ? "" : piece.substring(eq + 1);
            try {
                String key = URLDecoder.decode(rawKey, StandardCharsets.UTF_8);
                String value = URLDecoder.decode(rawValue, StandardCharsets.UTF_8);
                params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            } catch (IllegalArgumentException badEscape) {
                failed = true;
            }
        }
        return failed ? null : params;
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null ? "" : values.get(0);
    }
}
