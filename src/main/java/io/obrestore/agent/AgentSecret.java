package io.obrestore.agent;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** obshell's {@code AgentSecret}: where the agent is and its public key (base64 PKCS#1 DER). */
@RegisterForReflection
@JsonPropertyOrder({"ip", "port", "public_key"})
public record AgentSecret(
        @JsonProperty("ip") String ip,
        @JsonProperty("port") int port,
        @JsonProperty("public_key") String publicKey) {
}
