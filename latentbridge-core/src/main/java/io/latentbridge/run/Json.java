package io.latentbridge.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The JSON and YAML mappers LatentBridge uses: snake_case keys, pretty output. */
public final class Json {

    private Json() {}

    /** @return a JSON mapper with snake_case names */
    public static ObjectMapper json() {
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** @return a YAML mapper (which also reads JSON) with snake_case names */
    public static ObjectMapper yaml() {
        return new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    }

    /**
     * Writes a value as JSON, atomically (temporary file, then rename).
     *
     * @param file the destination
     * @param value the value
     * @throws IOException when it cannot be written
     */
    public static void write(Path file, Object value) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        json().writeValue(tmp.toFile(), value);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
