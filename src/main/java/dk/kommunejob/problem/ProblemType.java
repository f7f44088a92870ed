package dk.kommunejob.problem;

import dk.kommunejob.language.Messages;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of problem the API answers with, each with a stable `type` URI (a tag URI: a name,
 * not a page) and a title that does not change between occurrences. The OpenAPI document lists
 * them from here.
 */
public enum ProblemType {
    INVALID_PARAMETER(
            400,
            "Invalid parameter",
            "A query, path or header parameter is malformed or out of range; `parameter` names it."),
    INVALID_BODY(
            400,
            "Invalid body",
            "Fields of the request body are missing, of the wrong type, unknown, or break a rule; `violations` names each."),
    MALFORMED_BODY(400, "Malformed body", "The request body is not JSON, or not the JSON the operation reads."),
    UNAUTHORIZED(401, "Unauthorized", "No API key where one is needed, or a key that is unknown or revoked."),
    FORBIDDEN(403, "Forbidden", "The key is valid, but its client may not do this."),
    NOT_FOUND(404, "Not Found", "Nothing the caller may see has that id, slug or path."),
    METHOD_NOT_ALLOWED(405, "Method Not Allowed", "The path exists, but not with this method."),
    NOT_ACCEPTABLE(406, "Not Acceptable", "The operation cannot answer in any media type the Accept header allows."),
    STATE_CONFLICT(
            409,
            "Conflict",
            "The request does not fit the resource's state, such as publishing a position that is not a draft."),
    CONCURRENT_WRITE(
            409, "Concurrent write", "Another request wrote the same record at the same moment; repeat the request."),
    PRECONDITION_FAILED(
            412, "Precondition Failed", "The If-Match ETag is not the current version: someone else changed it first."),
    BODY_TOO_LARGE(413, "Content Too Large", "The request body is larger than the API takes."),
    URI_TOO_LONG(414, "URI Too Long", "The request's URI is longer than the API takes."),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "The operation does not read a body of that Content-Type."),
    INCOMPLETE_POSITION(
            422,
            "Incomplete position",
            "The position lacks what publishing needs; `violations` lists each missing field."),
    IDEMPOTENCY_KEY_REUSED(
            422,
            "Idempotency key reused",
            "The Idempotency-Key was already used by this client for a different request."),
    PRECONDITION_REQUIRED(428, "Precondition Required", "The change needs If-Match with the current ETag."),
    RATE_LIMITED(
            429,
            "Too Many Requests",
            "The client has used its requests for the moment; Retry-After says when to try again."),
    SERVER_ERROR(
            500, "Internal Server Error", "Something failed inside the service; the request may be repeated later."),
    DATABASE_UNAVAILABLE(
            503,
            "Service Unavailable",
            "The service cannot reach its database for the moment; Retry-After says when to try again."),
    SERVICE_BUSY(
            503,
            "Service Busy",
            "Too many reads are waiting for the database at once; Retry-After says when to try again.");

    /** RFC 4151 tag URIs: stable names that no one expects to resolve, as RFC 9457 section 4 suggests. */
    public static final String PREFIX = "tag:kommunejob.dk,2026:problem:";

    public final int status;
    public final String title;
    public final String meaning;
    public final URI uri;

    ProblemType(int status, String title, String meaning) {
        this.status = status;
        this.title = title;
        this.meaning = meaning;
        this.uri = URI.create(PREFIX + slug());
    }

    /** The title in the request's language (`title` is the English one the OpenAPI document lists). */
    public String localTitle() {
        return Messages.text("problem." + slug() + ".title");
    }

    /** The last part of the type URI: `invalid-parameter`. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind a status means when nothing more specific is known: the first one listed for it. */
    static Optional<ProblemType> byStatus(int status) {
        return Arrays.stream(values()).filter(t -> t.status == status).findFirst();
    }
}
