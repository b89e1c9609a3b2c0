package io.latentbridge.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.latentbridge.train.ConfigSchema;
import io.latentbridge.train.TrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Resolves a run's configuration: defaults, then a YAML or JSON file, then {@code --set
 * key=value} overrides. Keys are flat snake_case names of {@link TrainConfig} and of the
 * method's configuration record; unknown keys and invalid values are rejected with one line.
 */
public final class ConfigResolver {

    /**
     * The resolved configuration.
     *
     * @param train the shared settings
     * @param method the method's settings (an instance of its config record)
     */
    public record Resolved(TrainConfig train, Record method) {}

    private final ObjectMapper json = Json.json();
    private final ObjectMapper yaml = Json.yaml();

    /**
     * @param method the method (or other trainable) whose keys are known
     * @param file a config file, or {@code null}
     * @param overrides {@code key=value} strings
     * @return the configuration
     */
    public Resolved resolve(ConfigSchema<?> method, Path file, List<String> overrides) {
        ObjectNode train = json.valueToTree(method.trainDefaults());
        ObjectNode own = json.valueToTree(method.defaults());
        if (file != null) {
            for (Map.Entry<String, JsonNode> e : readFile(file)) {
                put(train, own, method, e.getKey(), e.getValue(), file.toString());
            }
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("--set '" + override + "': expected key=value");
            }
            String key = override.substring(0, eq).trim();
            JsonNode value = parseScalar(override.substring(eq + 1).trim());
            put(train, own, method, key, value, "--set");
        }
        return new Resolved(convert(train, TrainConfig.class, "config"),
                convert(own, method.configType(), method.name() + " config"));
    }

    private List<Map.Entry<String, JsonNode>> readFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file + ": config file not found");
        }
        JsonNode root;
        try {
            root = yaml.readTree(file.toFile());
        } catch (IOException e) {
            throw new ConfigException(file + ": not valid YAML or JSON ("
                    + firstLine(e.getMessage()) + ")");
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        if (!root.isObject()) {
            throw new ConfigException(file + ": expected a mapping of key: value");
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        // a run's own config.json nests its settings: accept that layout too
        for (String section : List.of("train", "method_config")) {
            if (root.get(section) != null && root.get(section).isObject()) {
                root.get(section).fields().forEachRemaining(entries::add);
            }
        }
        if (entries.isEmpty()) {
            root.fields().forEachRemaining(entries::add);
        }
        return entries;
    }

    private static void put(ObjectNode train, ObjectNode own, ConfigSchema<?> method, String key,
            JsonNode value, String origin) {
        if (train.has(key)) {
            train.set(key, value);
        } else if (own.has(key)) {
            own.set(key, value);
        } else {
            TreeSet<String> known = new TreeSet<>();
            train.fieldNames().forEachRemaining(known::add);
            own.fieldNames().forEachRemaining(known::add);
            throw new ConfigException(origin + ": unknown key '" + key + "' for method "
                    + method.name() + " (known: " + String.join(", ", known) + ")");
        }
    }

    private JsonNode parseScalar(String text) {
        try {
            JsonNode node = yaml.readTree(text);
            return node == null || node.isMissingNode() ? json.getNodeFactory().textNode(text) : node;
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text);
        }
    }

    private <T> T convert(ObjectNode node, Class<T> type, String what) {
        try {
            return json.treeToValue(node, type);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ConfigException("invalid " + what + ": " + firstLine(cause.getMessage()));
        } catch (InvalidFormatException e) {
            throw new ConfigException("invalid " + what + ": key '" + path(e) + "' cannot be '"
                    + e.getValue() + "' (expected " + e.getTargetType().getSimpleName() + ")");
        } catch (MismatchedInputException e) {
            throw new ConfigException("invalid " + what + ": key '" + path(e) + "' has the wrong type");
        } catch (IOException e) {
            throw new ConfigException("invalid " + what + ": " + firstLine(e.getMessage()));
        }
    }

    private static String path(MismatchedInputException e) {
        Iterator<com.fasterxml.jackson.databind.JsonMappingException.Reference> it =
                e.getPath().iterator();
        return it.hasNext() ? it.next().getFieldName() : "?";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
