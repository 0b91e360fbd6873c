package io.obrestore.config;

import io.smallrye.config.ConfigMapping;
import io.obrestore.config.ConfigConverters.KeySize;
import io.obrestore.config.ConfigConverters.NonNegative;
import io.obrestore.config.ConfigConverters.NonNegativeDuration;
import io.obrestore.config.ConfigConverters.PollInterval;
import io.obrestore.config.ConfigConverters.Positive;
import io.obrestore.config.ConfigConverters.PositiveDuration;
import io.obrestore.config.ConfigConverters.TimeZone;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The service's own settings ({@code obrestore.*}, env {@code OBRESTORE_*}). The database connection uses the
 * standard {@code quarkus.datasource.*} keys. Every value is checked while the configuration is read
 * ({@link ConfigConverters}): a bad one stops the start with one line naming the key.
 */
@ConfigMapping(prefix = "obrestore")
public interface ServiceConfig {

    /**
     * Upper bound for one database round trip (overview query and readiness probe). When it passes the client
     * gets a 503 {@code Agent.OceanBase.Timeout} envelope instead of waiting.
     */
    @WithDefault("5s")
    @WithConverter(PositiveDuration.class)
    Duration queryTimeout();

    /**
     * Bound on the readiness probe's statement, shorter than the query timeout: when the database dies, a probe
     * must not wait for a connection attempt that will never be answered, so the pod leaves the Service quickly.
     */
    @WithDefault("2s")
    @WithConverter(PositiveDuration.class)
    Duration readinessTimeout();

    /**
     * Requests allowed to wait for a pooled connection when all {@code quarkus.datasource.reactive.max-size}
     * connections are busy; beyond it requests fail at once with 503 {@code Agent.OceanBase.Busy}.
     */
    @WithDefault("256")
    @WithConverter(NonNegative.class)
    int maxWaitingRequests();

    /**
     * Zone attached to the wall-clock times OceanBase returns and used for the envelope's {@code timestamp}, e.g.
     * {@code +08:00} or {@code Asia/Shanghai}; {@code local} is the JVM's (i.e. {@code TZ}). Unset: the database
     * session's own zone, read by each new connection, as obshell reads times in the observer's zone.
     */
    @WithName("time-zone")
    @WithConverter(TimeZone.class)
    Optional<ZoneId> zone();

    /** Longest accepted request body under {@code /api/v1}, in bytes; longer ones get 413 before they are read whole. */
    @WithDefault("65536")
    @WithConverter(Positive.class)
    int maxBodyBytes();

    /** obshell's "API hybrid encryption" authentication ({@code obrestore.auth.*}). */
    Auth auth();

    /** Authentication settings. Passwords and keys come from the environment or mounted Secrets only. */
    interface Auth {

        /**
         * The root@sys password that {@code X-OCS-Header} must carry (obshell checks the cluster's root password).
         * While neither this nor {@link #agentPassword()} is set, requests without a header are served, as the
         * obshell documentation says; a header that is sent is still verified.
         */
        Optional<String> password();

        /** The agent password that {@code X-OCS-Agent-Header} must carry; also makes {@code /api/v1/info} report
         * {@code security: true}. */
        Optional<String> agentPassword();

        /**
         * Refuse to start unless a password is set, so a missing Secret cannot silently open the endpoint.
         */
        @WithDefault("false")
        boolean required();

        /**
         * The RSA private key, shared by all replicas behind one Service: base64 DER (PKCS#1 as obshell stores it,
         * or PKCS#8) or PEM ({@code RSA PRIVATE KEY} or {@code PRIVATE KEY}).
         */
        Optional<String> privateKey();

        /** A file holding the private key in one of the forms {@link #privateKey()} accepts. */
        Optional<Path> privateKeyFile();

        /** Bits of a generated key: 1024 (obshell's) or 2048. */
        @WithDefault("1024")
        @WithConverter(KeySize.class)
        int keySize();

        /**
         * Where a generated key is kept ({@code agent-key.pem}, owner-only), so restarts keep the public key the
         * clients cached. Used only when no key is configured. The default lies in the user's home, never in the
         * working directory, so a private key cannot end up one {@code git add .} away from a commit.
         */
        @WithDefault("${user.home}/.local/state/ob-restore-overview")
        Path dataDir();

        /** Longest accepted auth header value, in bytes; longer ones get 431 before any RSA work. */
        @WithDefault("8192")
        @WithConverter(Positive.class)
        int maxHeaderBytes();

        /**
         * Most RSA blocks an auth header may hold; more get 431 before any RSA work (each block costs a private-key
         * operation). 16 blocks hold 848 bytes of header JSON: an SDK header for this service's longest route with a
         * password of several hundred characters.
         */
        @WithDefault("16")
        @WithConverter(Positive.class)
        int maxHeaderBlocks();

        /**
         * Farthest ahead a header's {@code ts} (its expiry) may lie; beyond it 401
         * {@code Security.Authentication.Timestamp.TooFar}. The SDKs and the dashboard use 60 s; obshell's own web UI
         * uses 30 min and needs {@code 31m} here. Also how long every header block is remembered.
         */
        @WithDefault("5m")
        @WithConverter(PositiveDuration.class)
        Duration maxLifetime();

        /** Largest clock difference between replicas sharing a block memory; added to every block's memory. */
        @WithDefault("1m")
        @WithConverter(NonNegativeDuration.class)
        Duration clockSkew();

        /**
         * How long a block that carried the right password is remembered when it does not also carry the header's
         * whole {@code ts} (long passwords): a forger could pair it with a fresh {@code ts} until then.
         * docs/auth-protocol.md §7.
         */
        @WithDefault("24h")
        @WithConverter(PositiveDuration.class)
        Duration passwordBlockRetention();

        /**
         * Most header blocks the process remembers (about 110 bytes each); when full, new headers get 503
         * {@code Security.Authentication.Unavailable} rather than young blocks being forgotten. Size it as blocks per
         * second of traffic (2-3 per request) times {@code max-lifetime} plus {@code clock-skew}.
         */
        @WithDefault("100000")
        @WithConverter(Positive.class)
        int blockMemory();

        /**
         * Where header blocks are remembered: {@code local} (this process) or {@code redis} ({@code quarkus.redis.hosts},
         * shared by replicas that share a key, so none accepts a block another one checked).
         */
        @WithDefault("local")
        BlockMemoryStore blockMemoryStore();

        /**
         * Threads that decrypt auth headers: 0 decrypts on the event loop that received the request (fastest; the
         * throttle and the block cap bound what a flood can make it do, docs/reliability.md); more runs RSA on that
         * many threads of its own, with at most 16 headers waiting per thread (beyond: 503).
         */
        @WithDefault("0")
        @WithConverter(NonNegative.class)
        int rsaThreads();

        /**
         * Which JCA provider does the private-key work: {@code auto} uses Amazon Corretto Crypto Provider (AWS-LC)
         * where its native library loads (JVM on Linux x86_64 and aarch64) and the JDK's otherwise; {@code jdk}
         * always the JDK's. The metric {@code obrestore_auth_rsa_provider_info} names the one in use.
         */
        @WithDefault("auto")
        RsaProviderChoice rsaProvider();

        /** Throttling of failed headers ({@code obrestore.auth.throttle.*}), modelled on MySQL's connection_control. */
        Throttle throttle();
    }

    /** How failed headers slow their senders down. */
    interface Throttle {

        /** Consecutive failed headers from one client address before it has to wait (connection_control's 3). */
        @WithDefault("3")
        @WithConverter(Positive.class)
        int failures();

        /** The first wait once {@link #failures()} is reached; each further failure doubles it. */
        @WithDefault("6s")
        @WithConverter(PositiveDuration.class)
        Duration delay();

        /** The longest wait. */
        @WithDefault("10m")
        @WithConverter(PositiveDuration.class)
        Duration maxDelay();

        /**
         * Failed headers per minute, from all client addresses together that have not authenticated within the last
         * hour; beyond it they wait (429) while clients that have authenticated are still served.
         */
        @WithDefault("60")
        @WithConverter(Positive.class)
        int globalFailuresPerMinute();
    }

    /** Where header blocks are remembered. */
    enum RsaProviderChoice {
        /** Amazon Corretto Crypto Provider where it loads, else the JDK's. */
        AUTO,
        /** The JDK's providers. */
        JDK
    }

    enum BlockMemoryStore {
        /** In this process. */
        LOCAL,
        /** In the Redis of {@code quarkus.redis.hosts}. */
        REDIS
    }

    /** The live restore watch and the restore metrics ({@code obrestore.watch.*}). */
    Watch watch();

    /** Settings of the one shared poller behind the watch streams and the restore gauges. */
    interface Watch {

        /**
         * How often the shared poller reads the running restore jobs: one statement per interval for all watched
         * tenants and the gauges together, whatever the number of stream subscribers.
         */
        @WithDefault("2s")
        @WithConverter(PollInterval.class)
        Duration pollInterval();

        /** A comment line is sent this often on every open stream, so proxies and clients see the connection live. */
        @WithDefault("15s")
        @WithConverter(PositiveDuration.class)
        Duration heartbeatInterval();

        /** Span of the sliding window behind the bytes/s, tablets/s and ETA estimates. */
        @WithDefault("5m")
        @WithConverter(PositiveDuration.class)
        Duration rateWindow();

        /**
         * A running restore whose finished bytes, finished tablets and status have not changed for this long is
         * reported stalled (watch events, the {@code obrestore_restore_stalled} gauge, the dashboard). Counted from
         * when this service first saw the job, if it never saw it move.
         */
        @WithDefault("10m")
        @WithConverter(PositiveDuration.class)
        Duration stallAfter();

        /**
         * Tenants that may be watched at once; a stream for one more tenant gets 503 {@code Restore.Watch.TooManyTenants},
         * so watchers cannot multiply the statements the cluster sees.
         */
        @WithDefault("64")
        @WithConverter(Positive.class)
        int maxTenants();

        /**
         * Event streams (tenant and running restores) open at once; one more gets 503
         * {@code Restore.Watch.TooManyStreams} and its connection is closed.
         */
        @WithDefault("512")
        @WithConverter(Positive.class)
        int maxStreams();

        /**
         * Event streams open at once from one client address (a browser holds at most six connections per host); one
         * more gets 429 {@code Restore.Watch.TooManyClientStreams} and its connection is closed.
         */
        @WithDefault("16")
        @WithConverter(Positive.class)
        int maxStreamsPerClient();

        /**
         * Export Prometheus gauges for every running restore. The shared poller then keeps running without
         * watchers too (one statement per {@link #pollInterval()}); a scrape never queries the database.
         */
        @WithDefault("true")
        boolean metricsEnabled();
    }

    /** How the service describes itself in {@code /api/v1/info} and {@code /api/v1/secret}. */
    Agent agent();

    /** Agent identity settings. */
    interface Agent {

        /** The address reported as {@code ip}; unset means the host's address (in Kubernetes: set it to the pod IP). */
        Optional<String> ip();

        /** The OceanBase zone reported as {@code zone}. */
        Optional<String> zone();
    }
}
