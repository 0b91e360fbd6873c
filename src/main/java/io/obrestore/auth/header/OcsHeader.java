package io.obrestore.auth.header;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The decrypted auth header. Keys match case-insensitively ({@code auth}/{@code Auth}: Python and Go SDKs differ),
 * unknown keys ({@code session_id}, {@code Token}, ...) are ignored, and {@code Keys} may be null or absent.
 *
 * @param auth the password ({@code ""} if none)
 * @param ts the expiry in Unix seconds, as a string
 * @param uri the raw request-target the header was made for
 * @param keys AES key (16 bytes) followed by IV (16 bytes), or null
 */
@RegisterForReflection
public record OcsHeader(
        @JsonProperty("auth") String auth,
        @JsonProperty("ts") String ts,
        @JsonProperty("uri") String uri,
        @JsonProperty("keys") byte[] keys) {

    /** The password, {@code ""} when absent. */
    public String password() {
        return auth == null ? "" : auth;
    }
}
