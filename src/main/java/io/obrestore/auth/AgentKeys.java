package io.obrestore.auth;

import io.obrestore.auth.replay.BlockMemories;
import io.obrestore.auth.replay.BlockMemory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** The agent's public key as {@code /api/v1/secret} serves it: the one headers are decrypted with now. */
@ApplicationScoped
public class AgentKeys {

    private final BlockMemory memory;

    public AgentKeys(BlockMemories memories) {
        this.memory = memories.memory();
    }

    /** Standard base64 of the PKCS#1 {@code RSAPublicKey} DER of the current key, once it is ready. */
    public Uni<String> publicKey() {
        return Uni.createFrom().completionStage(memory.epoch(Instant.now().getEpochSecond()))
                .map(epoch -> epoch.key().publicKeyBase64());
    }
}
