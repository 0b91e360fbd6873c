package io.obrestore.support;

/** The test vectors of docs/auth-protocol.md §6 (a 1024-bit key generated for that document, test only). */
public final class SpecVectors {

    public static final String PUBLIC_KEY = "MIGJAoGBAOkOa6i3LdJRyJMYkHqM4hdjYUXSMV3GhkVs8iKlBu62ISPyY4bLEP1TfxGpkFms4nC7rv55QUTdRZSjA7P+gFFUpcsaMkgpgVq3Mlu2wPJ248ewKzh3+dFKviMGhbLrpuY1EKROHVYfYfgKUgVL1J+M3wns6d8TW3RoUk2Ro6APAgMBAAE=";

    public static final String PRIVATE_KEY_PKCS1 = "MIICXQIBAAKBgQDpDmuoty3SUciTGJB6jOIXY2FF0jFdxoZFbPIipQbutiEj8mOGyxD9U38RqZBZrOJwu67+eUFE3UWUowOz/oBRVKXLGjJIKYFatzJbtsDyduPHsCs4d/nRSr4jBoWy66bmNRCkTh1WH2H4ClIFS9SfjN8J7OnfE1t0aFJNkaOgDwIDAQABAoGBALUUkE/p7D9zbh3kwzWFS5KSlBz1AYh0XRWKXeTPRsCpYLyWdABivZOnkZ6+mjsjGlovafutaSpBpvOjaZgsEbQkKR5atFh4j1HB8v4fSw5UNymN/BtF23cF60aOgoqheGvLddcrAXZE2OaJihj1+UlRHGjy5F77R9JVMBTY003hAkEA+GscOaA7Osjw3L3ZtrrE6f+TWKqgBCiX3XGvUCMvKOQuaHC+xTvSmPd1/LUYm/7uFO/mjumAdFPlklkQoKbBnwJBAPArSWFJ1gyEz4qGmyfe0LkhSdkn0MEf9sgoQeRcH8kzULFsVmfQBF2XvhpratLnlEmZFsWlBcDyAJ7ue/mt65ECQAHbeyiLJCY6XmKoILqXBuXg/U8KZ4vgadJECVWGDdI2cophXWvIGLkAEKfFCtwPueP6LzUeVdGI1wyTEebBmG0CQQCd70lFEgIRn3C/nr7/XBYT+CERDY7IwVVO0LJsEmzQqc8hraWwhOmqBnR7+TF5WdJ5B5QjCt8av8nKufeK/GURAkAQp6ryLAITtXItisek31R8a84iVuJWtdvQNaPi+P99LL4YIW/ywitVovvXN5H5YEHx55V15kWjxal3xBvMOw4l";

    /** Python SDK, PasswordAuth("P@ssw0rd!"), get_tenant_restore_overview("t1") at 2026-01-01T00:00:00Z. */
    public static final String HEADER = "M+SZbykMDpxzCnNHRVzBH1vQ1b6zaDE9q6rCcxRWLjZWG1t+aNDDFglqSbb3nBQaz23wqVB601e5fbXsxL2Tr7NNfkZbbC2IC6JljD8vPpPJXfLX+blqYfTFFf7XgiQRmOYT6wPZF46VzXNWE603hGlYr8oEW4rgs3umPIiFOtvDW9PsewHBDxd6+9CqTg4y4TdDHn6Gm5ksMRGBmD6egeSgDiSIauMV9Fz9s97X0Cv93XMC57zZ74kEQbJxpXl73q+50rQ+O/IZBwQCQ/stGbGDbnm49Q+C4WhFUugpHj5G8tgAZSY+IMu3+r0Fl07IqvGTvFyZL6cUHMufqGI2Gs017w2sxF5GFh4j8mOrX5b5aqkOtSk0X3z60UhpTvvv7zqeD/KQdnhg9ZHmBelZLTmSM6hjFBO8jLq94FR5xjAS1bKE1Qx6p+Z6HHlazq52eQX/W8Qgp9VSKdJozLqOxJnMXjoJiPVH5R67UUrhkFZ8pPS1sqYjSl1s8tsx6IUI";

    public static final String HEADER_PLAINTEXT = "{\"auth\": \"P@ssw0rd!\", \"ts\": \"1767225660\", \"uri\": \"/api/v1/tenant/t1/restore/overview\", \"keys\": \"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\"}";

    public static final String GO_PLAINTEXT = "{\"Auth\":\"P@ssw0rd!\",\"Ts\":\"1767225660\",\"Uri\":\"/api/v1/tenant/t1/restore/overview\",\"Keys\":null}";

    public static final String PASSWORD = "P@ssw0rd!";
    public static final long TS = 1767225660L;
    public static final String URI = "/api/v1/tenant/t1/restore/overview";

    /** key 00..0f followed by IV 10..1f. */
    public static byte[] keys() {
        byte[] keys = new byte[32];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = (byte) i;
        }
        return keys;
    }

    private SpecVectors() {
    }
}
