package io.obrestore.api;

import io.obrestore.config.Durations;
import java.time.Duration;
import java.util.Arrays;

/**
 * The error catalogue: obshell's dotted codes, HTTP statuses, legacy numeric codes and English messages.
 *
 * <p>Codes that exist in obshell keep obshell's status, {@code code} and message text exactly (the SDKs' retry
 * logic depends on them). Codes marked "ours" are new: obshell answers database trouble with a 500 or even a 400
 * carrying the raw driver text; we answer 503 without driver text, because the client did nothing wrong and
 * may simply retry.
 */
public enum ErrorCode {
    TENANT_NAME_EMPTY("OB.Tenant.Name.Empty", 400, 0, "Tenant name is empty"),
    TENANT_SYS_NOT_ALLOWED("OB.Tenant.SysOperationNotAllowed", 400, 0,
            "System tenant is not allowed to perform this operation"),
    TENANT_NOT_EXIST("OB.Tenant.NotExist", 400, 0, "Tenant '%s' does not exist."),
    NOT_FOUND("Common.NotFound", 404, 0, "Element not found: %s"),
    BAD_REQUEST("Common.BadRequest", 400, 0, "Bad request: %s"),
    ILLEGAL_ARGUMENT("Common.IllegalArgument", 400, 0, "The input parameter '%s' is illegal: %s"),
    /** Ours: obshell's gin router answers an unsupported method with its 404. */
    METHOD_NOT_ALLOWED("Common.MethodNotAllowed", 405, 0, "Method not allowed: %s"),
    /** Ours: an unsupported request media type. */
    UNSUPPORTED_MEDIA_TYPE("Common.UnsupportedMediaType", 415, 0, "Unsupported media type: %s"),
    /** Ours: the client asked for a representation other than JSON. */
    NOT_ACCEPTABLE("Common.NotAcceptable", 406, 0, "Not acceptable: %s"),
    /** obshell's code for an unusable OceanBase connection; ours answers 503 instead of 500. */
    OCEANBASE_UNAVAILABLE("Agent.OceanBase.Useless", 503, 0, "The current database is useless"),
    /** Ours: the query did not finish within {@code obrestore.query-timeout}. */
    OCEANBASE_TIMEOUT("Agent.OceanBase.Timeout", 503, 0, "OceanBase did not answer within %s"),
    /** Ours: every pooled connection is busy and the wait queue is full. */
    OCEANBASE_BUSY("Agent.OceanBase.Busy", 503, 0, "Too many requests are waiting for an OceanBase connection"),
    /** obshell's code for a server-side SQL error; without the driver text, which goes to the log only. */
    MYSQL_ERROR("MySQL.Error", 500, 0, "MySQL error: the query on the restore views failed (see the service log)"),
    UNEXPECTED("Common.Unexpected", 500, 0, "Unexpected error: Internal Server Error"),
    /**
     * Ours: the cluster does not show its log streams' restore progress (the tables are missing, or the account may
     * not read them); 501 because the request is right and this cluster cannot serve it, not a fault to retry.
     */
    LOG_STREAMS_UNAVAILABLE("Restore.LogStreams.Unavailable", 501, 0,
            "This cluster does not show its log streams' restore progress: %s"),
    /** Ours: {@code obrestore.watch.max-tenants} tenants are watched already; a stream for another one waits. */
    WATCH_LIMIT("Restore.Watch.TooManyTenants", 503, 0, "Too many tenants are watched at once (at most %d)"),
    /** Ours: {@code obrestore.watch.max-streams} event streams are open already. */
    STREAM_LIMIT("Restore.Watch.TooManyStreams", 503, 0, "Too many event streams are open (at most %d)"),
    /** Ours: {@code obrestore.watch.max-streams-per-client} event streams are open from this client address. */
    CLIENT_STREAM_LIMIT("Restore.Watch.TooManyClientStreams", 429, 0,
            "Too many event streams are open from this address (at most %d)"),

    // Authentication: obshell's codes, statuses, legacy codes and texts (docs/auth-protocol.md §4, §5). The SDKs resend
    // after code 1 (refetching the public key) and code 10008 (trying their candidate auth).
    HEADER_NOT_FOUND("Request.Header.NotFound", 400, 0,
            "X-OCS-Agent-Header or X-OCS-Header not found in http request header"),
    /**
     * One text for every header that cannot be decoded, decrypted or parsed, whatever the reason (obshell's Go error
     * texts tell bad padding from bad JSON: a padding oracle).
     */
    HEADER_DECRYPT_FAILED("Security.Authentication.Header.DecryptFailed", 401, 1,
            "Decrypt http header failed: crypto/rsa: decryption error"),
    URI_MISMATCH("Security.Authentication.Header.UriMismatch", 401, 10008, "URI mismatch"),
    EXPIRED("Security.Authentication.Expired", 401, 10008, "Unauthorized: Authentication expired"),
    TIMESTAMP_INVALID("Security.Authentication.Timestamp.Invalid", 401, 10008,
            "Unauthorized: Invalid timestamp: %s, err: strconv.ParseInt: parsing \"%s\": %s"),
    INCORRECT_OCEANBASE_PASSWORD("Security.Authentication.IncorrectOceanbasePassword", 401, 10008,
            "Unauthorized: OceanBase password is incorrect"),
    INCORRECT_AGENT_PASSWORD("Security.Authentication.IncorrectAgentPassword", 401, 10008,
            "Unauthorized: Agent password is incorrect"),
    WITH_AGENT_PASSWORD("Security.Authentication.WithAgentPassword", 401, 10008,
            "Unauthorized: Should use agent_password to verify: %s"),
    WITH_OCEANBASE_PASSWORD("Security.Authentication.WithOceanBasePassword", 401, 10008,
            "Unauthorized: Should use oceanbase_password to verify: %s"),
    /**
     * Ours: obshell has no replay protection. The header (or a block of it) was already checked. 10008 makes the SDKs
     * retry with a fresh header.
     */
    REPLAYED("Security.Authentication.Replayed", 401, 10008, "Unauthorized: this X-OCS-Header was already used"),
    /** Ours: obshell accepts any future {@code ts}, so a header could be made to never expire. */
    TIMESTAMP_TOO_FAR("Security.Authentication.Timestamp.TooFar", 401, 10008,
            "Unauthorized: the header expires in %d s, more than the %d s this service accepts (is the client's clock"
                    + " ahead?)"),
    /** Ours: obshell never slows guessing down; MySQL's connection_control does. */
    TOO_MANY_FAILURES("Security.Authentication.TooManyFailures", 429, 0,
            "Too many failed authentication attempts; retry in %d s"),
    /** Ours: the block memory is full or (shared) unreachable; the header was not checked. */
    AUTH_UNAVAILABLE("Security.Authentication.Unavailable", 503, 0,
            "Headers cannot be checked right now (%s); retry shortly"),
    /** Ours: obshell has no size limit. */
    HEADER_TOO_LARGE("Request.Header.TooLarge", 431, 0, "Request header too large: %s is longer than %s"),
    /** Ours: obshell has no size limit. */
    BODY_TOO_LARGE("Request.Body.TooLarge", 413, 0, "Request body too large: longer than %d bytes"),
    /** obshell's code, but 400 instead of its 500: a malformed request is the client's mistake. */
    BODY_KEYS_INVALID("Request.Body.Decrypt.AES.KeyAndIv.Invalid", 400, 0, "Unauthorized: AES key and IV size error"),
    /** obshell's code, but 400 instead of its 500. */
    BODY_LENGTH_INVALID("Request.Body.Decrypt.AES.ContentLength.Invalid", 400, 0,
            "Unauthorized: Decrypted string length is not a multiple of the block size"),
    /** Ours: obshell ignores bad base64 and never checks the padding. */
    BODY_DECRYPT_FAILED("Request.Body.Decrypt.Failed", 400, 0,
            "Unauthorized: the request body is not base64 AES-CBC/PKCS#7 under the header's Keys");

    private final String errCode;
    private final int httpStatus;
    private final int legacyCode;
    private final String template;

    ErrorCode(String errCode, int httpStatus, int legacyCode, String template) {
        this.errCode = errCode;
        this.httpStatus = httpStatus;
        this.legacyCode = legacyCode;
        this.template = template;
    }

    /** The dotted code sent as {@code error.errCode}. */
    public String errCode() {
        return errCode;
    }

    /** The HTTP status, also sent as the envelope's {@code status}. */
    public int httpStatus() {
        return httpStatus;
    }

    /** obshell's legacy numeric {@code error.code}; 0 means "omitted". */
    public int legacyCode() {
        return legacyCode;
    }

    /** The English message with its arguments filled in; durations as people write them ("5s", not "PT5S"). */
    public String message(Object... args) {
        if (args.length == 0) {
            return template;
        }
        return String.format(template, Arrays.stream(args)
                .map(arg -> arg instanceof Duration duration ? Durations.written(duration) : arg).toArray());
    }
}
