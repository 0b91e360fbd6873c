package io.obrestore.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that calls the service as obshell's SDKs do (spec obshell-auth-protocol.md §1.4, §4.5), with headers built
 * byte for byte as theirs ({@link ObshellSdkHeaders}): {@code /api/v1/info} twice and {@code /api/v1/secret} before the
 * first call, the key cached until an error says otherwise, and their reactions to errors:
 * <ul>
 * <li>Python: on {@code code: 1} it fetches info and key again, resends once and discards that answer, then resends
 * and keeps the second; on {@code code: 10008} it confirms the auth version (info) and resends once; any other error
 * is resent once; a missing {@code error} object fails.</li>
 * <li>Go: on {@code code: 1} it fetches the key again and resends once; on {@code code: 10008} it confirms the auth
 * version and resends once; anything else is returned.</li>
 * </ul>
 * Each request goes out on a connection of its own from the given loopback source address.
 */
public final class ObshellSdkClient {

    /** Which SDK, and so which header form and retry rules. */
    public enum Sdk { PYTHON, GO }

    private final Sdk sdk;
    private final String source;
    private final int port;
    private final String password;
    private final String headerName;
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final AtomicInteger resends = new AtomicInteger();
    private final java.util.List<String> history = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private ObshellSdkHeaders headers;

    /**
     * @param headerName {@code X-OCS-Header} (root@sys password) or {@code X-OCS-Agent-Header} (agent password; the
     *     Python SDK sends it when the agent reports {@code security: true} and the user gave an agent password)
     */
    public ObshellSdkClient(Sdk sdk, String source, int port, String password, String headerName) {
        this.sdk = sdk;
        this.source = source;
        this.port = port;
        this.password = password;
        this.headerName = headerName;
    }

    /** A GET of {@code uri} as the SDK performs it, retries included; the answer the SDK would use. */
    public RawHttp.Answer get(String uri) throws IOException {
        if (headers == null) {
            confirmAuthVersion();
            confirmAuthVersion(); // the auth method's own identity check
            fetchKey();
        }
        RawHttp.Answer answer = send(uri);
        JsonNode error = errorOf(answer);
        if (answer.status() < 400) {
            return answer;
        }
        if (error == null) {
            throw new IOException("Request failed with status code " + answer.status() + " (no error object)");
        }
        int code = error.path("code").asInt(0);
        if (code == 1) {
            if (sdk == Sdk.PYTHON) {
                confirmAuthVersion();
                fetchKey();
                resend(uri); // sent and discarded
                return resend(uri);
            }
            fetchKey();
            return resend(uri);
        }
        if (code == 10008) {
            confirmAuthVersion();
            return resend(uri);
        }
        return sdk == Sdk.PYTHON && code != 2 ? resend(uri) : answer;
    }

    /** How often the key was fetched: once at the start, once more per key change the client met. */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** Requests sent again after an error. */
    public int resends() {
        return resends.get();
    }

    private RawHttp.Answer send(String uri) throws IOException {
        String value = sdk == Sdk.PYTHON ? headers.python(password, uri) : headers.go(password, uri);
        RawHttp.Answer answer = RawHttp.get(source, port, uri, headerName, value);
        JsonNode error = errorOf(answer);
        remember(uri + " " + answer.status() + (error == null ? "" : " " + error.path("errCode").asText()));
        return answer;
    }

    /** The last requests this client sent and what came back, for a failed assertion's message. */
    public String history() {
        synchronized (history) {
            return String.join("; ", history.subList(Math.max(0, history.size() - 12), history.size()));
        }
    }

    private void remember(String event) {
        history.add(event);
        if (history.size() > 100) {
            history.remove(0);
        }
    }

    private void confirmAuthVersion() throws IOException {
        RawHttp.Answer info = RawHttp.get(source, port, "/api/v1/info");
        if (info.status() != 200 || !Json.parse(info.body()).path("data").path("supportedAuth").toString().contains("v2")) {
            throw new IOException("no auth v2: " + info.body());
        }
    }

    private RawHttp.Answer resend(String uri) throws IOException {
        resends.incrementAndGet();
        return send(uri);
    }

    private void fetchKey() throws IOException {
        keyFetches.incrementAndGet();
        RawHttp.Answer secret = RawHttp.get(source, port, "/api/v1/secret");
        remember("secret " + secret.status() + " key " + Json.parse(secret.body()).path("data").path("public_key")
                .asText().substring(20, 28));
        if (secret.status() != 200) {
            throw new IOException("no key: " + secret.status() + " " + secret.body());
        }
        try {
            headers = new ObshellSdkHeaders(Json.parse(secret.body()).get("data").get("public_key").asText());
        } catch (GeneralSecurityException e) {
            throw new IOException("not a PKCS#1 key", e);
        }
    }

    private static JsonNode errorOf(RawHttp.Answer answer) {
        try {
            JsonNode error = Json.parse(answer.body()).get("error");
            return error == null || error.isNull() ? null : error;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
