package io.obrestore.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * obshell's {@code AgentStatus} as {@code /api/v1/info} returns it (docs/auth-protocol.md §1). The SDKs read
 * {@code identity}, {@code version}, {@code supportedAuth}, {@code security} and {@code isObproxyAgent}.
 */
@RegisterForReflection
@JsonPropertyOrder({"pid", "state", "startAt", "homePath", "obVersion", "architecture", "ip", "port", "zone",
    "identity", "version", "isObproxyAgent", "security", "supportedAuth"})
public record AgentIdentity(
        @JsonProperty("pid") long pid,
        @JsonProperty("state") int state,
        @JsonProperty("startAt") long startAt,
        @JsonProperty("homePath") String homePath,
        @JsonProperty("obVersion") String obVersion,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("ip") String ip,
        @JsonProperty("port") int port,
        @JsonProperty("zone") String zone,
        @JsonProperty("identity") String identity,
        @JsonProperty("version") String version,
        @JsonProperty("isObproxyAgent") boolean isObproxyAgent,
        @JsonProperty("security") boolean security,
        @JsonProperty("supportedAuth") List<String> supportedAuth) {

    /** A cluster agent: the only identity whose restore routes obshell serves. */
    public static final String CLUSTER_AGENT = "CLUSTER AGENT";
    /**
     * The obshell API version this service is compatible with (the emulated agent's, docs/auth-protocol.md §1). It must
     * be at least 4.2.4.0, below which the Python SDK RSA-encrypts password fields in bodies.
     */
    public static final String OBSHELL_VERSION = "4.5.0.0";
    /** obshell's state "running". */
    public static final int STATE_RUNNING = 2;
}
