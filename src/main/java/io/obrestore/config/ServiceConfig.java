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
         * An RSA private key shared by all replicas behind one Service, as the seed of the keys they use: each epoch of
         * their shared block memory ({@link #blockMemoryStore()} {@code redis}, required with it) has a key every
         * replica derives from this one and the epoch alike, never this key itself (docs/auth-protocol.md §7). Base64
         * DER (PKCS#1 as obshell stores it, or PKCS#8) or PEM ({@code RSA PRIVATE KEY} or {@code PRIVATE KEY}).
         * Unset: every start makes a key of its own, kept in memory only.
         */
        Optional<String> privateKey();

        /** A file holding the private key in one of the forms {@link #privateKey()} accepts. */
        Optional<Path> privateKeyFile();

        /** Bits of every key the service decrypts headers with: 1024 (obshell's) or 2048. */
        @WithDefault("1024")
        @WithConverter(KeySize.class)
        int keySize();

        /**
         * Where the throttle keeps the client addresses that authenticated within the last hour
         * ({@code authenticated-clients}, owner-only), so they stay exempt from the failure budgets across a restart.
         * No key is ever written here (keys change at every start); an {@code agent-key.pem} an earlier version left
         * is removed. The default lies in the user's home, never in the working directory.
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
         * whole {@code ts} (long passwords): a forger could pair it with a fresh {@code ts} until then. Also the
         * longest a key lives: it changes at least this often, so no such block outlives the memory of it.
         * docs/auth-protocol.md §7.
         */
        @WithDefault("24h")
        @WithConverter(PositiveDuration.class)
        Duration passwordBlockRetention();

        /**
         * Most header blocks the process remembers per key (12-16 bytes each); when full, the key changes (the SDKs
         * fetch the new one on {@code code: 1}) rather than headers being refused or young blocks forgotten. Size it
         * as blocks per second of traffic (2-3 per request) times {@code max-lifetime} plus {@code clock-skew}.
         */
        @WithDefault("100000")
        @WithConverter(Positive.class)
        int blockMemory();

        /**
         * Where header blocks are remembered: {@code local} (this process, with a key of its own) or {@code redis}
         * ({@code quarkus.redis.hosts}, shared by replicas that share {@link #privateKey()}, so none accepts a block
         * another one saw; the Redis must run with {@code maxmemory-policy noeviction}, checked at start).
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

        /**
         * The bearer token {@code /q/metrics} on the management port demands ({@code Authorization: Bearer <token>},
         * Prometheus' {@code authorization} credentials). Unset: the metrics answer loopback clients only. Probes
         * never need it. docs/operations.md, "Metrics".
         */
        Optional<String> metricsToken();

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
         * Failed headers per minute from one network (an IPv4 /24, an IPv6 /48), of its client addresses that have
         * not authenticated within the last hour; beyond it they wait (429) while other networks and clients that
         * have authenticated are served.
         */
        @WithDefault("60")
        @WithConverter(Positive.class)
        int networkFailuresPerMinute();

        /**
         * Failed headers per minute from all networks together, of client addresses that have not authenticated
         * within the last hour; beyond it they all wait (429) while clients that have authenticated are served.
         */
        @WithDefault("300")
        @WithConverter(Positive.class)
        int globalFailuresPerMinute();

        /**
         * Connections one client address (IPv6: its /64) may hold open at once, on the API and the management port;
         * one more is closed as it arrives, so one host cannot take {@code quarkus.http.limits.max-connections} from
         * everyone else.
         */
        @WithDefault("64")
        @WithConverter(Positive.class)
        int connectionsPerClient();
    }

    /** Which JCA provider does the private-key work. */
    enum RsaProviderChoice {
        /** Amazon Corretto Crypto Provider where it loads, else the JDK's. */
        AUTO,
        /** The JDK's providers. */
        JDK
    }

    /** Where header blocks are remembered. */
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
