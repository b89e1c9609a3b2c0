package io.latentbridge.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The content of {@code config.json}: the resolved configuration and its provenance.
 *
 * @param method the method
 * @param source the source domain
 * @param target the target domain
 * @param train the shared settings
 * @param methodConfig the method's settings
 * @param provenance where the run came from
 */
public record RunConfig(String method, String source, String target,
        io.latentbridge.train.TrainConfig train, JsonNode methodConfig, Provenance provenance) {}
