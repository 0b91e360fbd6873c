package io.obrestore.restore;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Writes a {@code long} holding an unsigned 64-bit value (an SCN, up to 2^64 − 1) as the exact JSON integer: values
 * below 2^63, every SCN OceanBase hands out today, come out as before; larger ones (OceanBase's invalid SCN is
 * 2^64 − 1) as their unsigned digits instead of a negative number.
 */
public final class UnsignedLongSerializer extends StdSerializer<Long> {

    public UnsignedLongSerializer() {
        super(Long.class);
    }

    @Override
    public void serialize(Long value, JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeNumber(Long.toUnsignedString(value));
    }
}
