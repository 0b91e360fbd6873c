package io.obrestore.config;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigSourceInterceptorFactory;
import io.smallrye.config.ConfigValue;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * Checks every {@code obrestore.*} value that has a converter while the configuration is being built, before any
 * mapping or bean, and stops the start with one line: the key, its variable, the value and what is accepted, e.g.
 * {@code obrestore.query-timeout (OBRESTORE_QUERY_TIMEOUT): "5 sec" is not a duration: write a number and a unit,
 * e.g. 5s, 500ms, 2m or 1h}. The same converters check the values again in the mapping; a failure there would be
 * reported by SmallRye under a "Configuration validation failed" heading with its own wording, one more line and no
 * variable name. Registered as a SmallRye interceptor factory (META-INF/services); the interceptor itself passes
 * every value through unchanged.
 */
public class SettingValueCheck implements ConfigSourceInterceptorFactory {

    @Override
    public ConfigSourceInterceptor getInterceptor(ConfigSourceInterceptorContext context) {
        for (KnownSettings.Setting setting : KnownSettings.fromBuild().under("obrestore.")) {
            Converter<?> converter = ConfigConverters.named(setting.converter()).orElse(null);
            ConfigValue value = converter == null ? null : context.proceed(setting.key());
            if (value != null && value.getValue() != null) {
                check(setting, converter, value.getValue());
            }
        }
        return ConfigSourceInterceptorContext::proceed;
    }

    static void check(KnownSettings.Setting setting, Converter<?> converter, String value) {
        try {
            converter.convert(value);
        } catch (IllegalArgumentException refused) {
            throw new ConfigurationException(setting.key() + " (" + setting.variable() + "): \"" + value + "\" "
                    + refused.getMessage());
        }
    }
}
