package dk.kommunejob.common;

import dk.kommunejob.problem.Problems;
import java.util.List;

/**
 * Optimistic concurrency for every resource that is changed after creation: its version is its ETag, and a
 * change names the version it builds on in If-Match (RFC 9110), so no writer silently overwrites another.
 */
public final class Versions {

    private Versions() {}

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 428 without If-Match, 412 (with the current ETag) when it names another version. */
    public static void check(long version, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw Problems.preconditionRequired();
        }
        String current = etag(version);
        boolean matches = ifMatch.strip().equals("*")
                || List.of(ifMatch.split(",")).stream()
                        .map(tag -> tag.strip().replaceFirst("^W/", ""))
                        .anyMatch(current::equals);
        if (!matches) {
            throw Problems.preconditionFailed(current);
        }
    }
}
