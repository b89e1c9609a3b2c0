package io.latentbridge.data.generated;

import io.latentbridge.data.DataException;

/**
 * Which generated domain, and how: {@code syndigits} or {@code mnistm}, optionally with
 * parameters, as in {@code syndigits:seed=2,train=20000,test=4000}.
 *
 * @param name {@code syndigits} or {@code mnistm}
 * @param seed the seed every image follows
 * @param train number of training images
 * @param test number of test images
 */
public record GenerationSpec(String name, long seed, int train, int test) {

    /** Default sizes of {@code syndigits}: big enough for the digit tasks, quick to make. */
    public static final int SYNDIGITS_TRAIN = 25_000;
    /** Default test size of {@code syndigits}. */
    public static final int SYNDIGITS_TEST = 5_000;

    /** Validates the sizes. */
    public GenerationSpec {
        if (train < 1 || test < 1 || train > 1_000_000 || test > 1_000_000) {
            throw new DataException(name + ": train and test sizes must be in 1..1000000, got "
                    + train + " and " + test);
        }
    }

    /**
     * @param spec a domain spec
     * @return its name without parameters
     */
    static String baseName(String spec) {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }

    /**
     * Parses a spec.
     *
     * @param spec {@code NAME} or {@code NAME:key=value,...} with keys seed, train, test
     * @return the spec with defaults filled in (seed 1; syndigits 25,000 / 5,000; mnistm all of
     *     MNIST, 60,000 / 10,000)
     * @throws DataException naming the spec on an unknown key or a bad value
     */
    public static GenerationSpec parse(String spec) {
        String name = baseName(spec);
        if (!GeneratedDomains.NAMES.contains(name)) {
            throw new DataException("unknown generated domain '" + name + "' (known: "
                    + String.join(", ", GeneratedDomains.NAMES) + ")");
        }
        long seed = 1;
        int train = name.equals("mnistm") ? 60_000 : SYNDIGITS_TRAIN;
        int test = name.equals("mnistm") ? 10_000 : SYNDIGITS_TEST;
        if (spec.length() > name.length()) {
            for (String kv : spec.substring(name.length() + 1).split(",")) {
                String[] parts = kv.split("=", 2);
                if (parts.length != 2) {
                    throw new DataException(spec + ": expected key=value, got '" + kv + "'");
                }
                try {
                    switch (parts[0].trim()) {
                        case "seed" -> seed = Long.parseLong(parts[1].trim());
                        case "train" -> train = Integer.parseInt(parts[1].trim());
                        case "test" -> test = Integer.parseInt(parts[1].trim());
                        default -> throw new DataException(spec + ": unknown key '" + parts[0]
                                + "' (known: seed, train, test)");
                    }
                } catch (NumberFormatException e) {
                    throw new DataException(spec + ": '" + parts[1] + "' is not a whole number");
                }
            }
        }
        return new GenerationSpec(name, seed, train, test);
    }

    /** @return the cache folder name: name, recipe version, seed and sizes */
    public String key() {
        int version = name.equals("mnistm") ? MnistM.RECIPE_VERSION : SynDigits.RECIPE_VERSION;
        return name + "-r" + version + "-s" + seed + "-" + train + "x" + test;
    }
}
