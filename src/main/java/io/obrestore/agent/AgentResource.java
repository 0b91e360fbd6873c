package io.obrestore.agent;

import io.obrestore.api.ApiResponse;
import io.obrestore.auth.AgentKeys;
import io.obrestore.auth.CredentialVerifier;
import io.obrestore.config.ServiceConfig;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The two unauthenticated routes the obshell SDKs call before an authenticated one. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

    private final AgentKeys keys;
    private final CredentialVerifier verifier;
    private final String ip;
    private final int port;
    private final String zone;
    private final long startAtNanos;

    public AgentResource(AgentKeys keys, CredentialVerifier verifier, ServiceConfig config,
            @ConfigProperty(name = "quarkus.http.port") int port) {
        this.keys = keys;
        this.verifier = verifier;
        this.ip = config.agent().ip().orElseGet(AgentResource::hostAddress);
        this.port = port;
        this.zone = config.agent().zone().orElse("");
        Instant now = Instant.now();
        this.startAtNanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Identity, version and auth versions: the SDKs choose auth v2 from {@code supportedAuth}. */
    @GET
    @Path("info")
    @Operation(summary = "Agent identity (no auth)", description = "data: AgentIdentity; supportedAuth is [\"v2\"]")
    @NonBlocking
    public ApiResponse info() {
        return ApiResponse.success(new AgentIdentity(ProcessHandle.current().pid(), AgentIdentity.STATE_RUNNING,
                startAtNanos, "", "", architecture(), ip, port, zone, AgentIdentity.CLUSTER_AGENT,
                AgentIdentity.OBSHELL_VERSION, false, verifier.agentPasswordConfigured(), List.of("v2")));
    }

    /** The RSA public key the SDKs encrypt their auth header with: the current one, once it is ready. */
    @GET
    @Path("secret")
    @Operation(summary = "RSA public key (no auth)", description = "data: AgentSecret; public_key is base64 PKCS#1")
    public Uni<ApiResponse> secret() {
        return keys.publicKey().map(publicKey -> ApiResponse.success(new AgentSecret(ip, port, publicKey)));
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch", "");
        // Go's runtime names, as obshell reports them.
        return switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> arch;
        };
    }

    private static String hostAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            return "127.0.0.1";
        }
    }
}
