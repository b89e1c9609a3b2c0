package io.latentbridge.run;

import io.latentbridge.data.DataFileRecord;
import io.latentbridge.train.EngineInfo;
import io.latentbridge.train.ModelShape;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

/**
 * Where a run came from, recorded inside its {@code config.json}.
 *
 * @param latentbridgeVersion the library version
 * @param gitCommit the source commit when known (system property {@code latentbridge.commit})
 * @param java the Java runtime version
 * @param engine the engine and its threads
 * @param seed the seed
 * @param modelShape the data shape the networks were built for
 * @param dataFiles every data file read, with its SHA-256
 */
public record Provenance(String latentbridgeVersion, String gitCommit, String java,
        EngineInfo engine, long seed, ModelShape modelShape, List<DataFileRecord> dataFiles) {

    /** @return the version from the build, or {@code unknown} */
    public static String version() {
        try (InputStream in = Provenance.class.getResourceAsStream("/latentbridge.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** @return the commit passed by the launcher, or {@code unknown} */
    public static String commit() {
        String c = System.getProperty("latentbridge.commit");
        return c == null || c.isBlank() ? "unknown" : c;
    }
}
