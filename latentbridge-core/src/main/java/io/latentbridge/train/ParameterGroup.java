package io.latentbridge.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of named blocks trained together by one optimizer: a "sub-model". Adversarial methods
 * have several (a generator and a discriminator, each with its own Adam); most have one.
 *
 * <p>DJL's {@code Trainer} binds one block to one optimizer; LatentBridge updates parameters
 * itself so that any number of groups can step independently within one training step.
 */
public final class ParameterGroup {

    private final String name;
    private final Map<String, Block> blocks;
    private final List<Pair<String, Parameter>> parameters;
    private ResumableOptimizer optimizer;

    /**
     * @param name the group's name, used for file names
     * @param blocks the blocks, by name; iteration order is kept
     */
    public ParameterGroup(String name, Map<String, Block> blocks) {
        this.name = name;
        this.blocks = new LinkedHashMap<>(blocks);
        // the Parameter objects exist from construction (their arrays come at initialisation),
        // so the list is built once instead of on every step
        List<Pair<String, Parameter>> list = new ArrayList<>();
        for (Map.Entry<String, Block> b : this.blocks.entrySet()) {
            for (Pair<String, Parameter> p : b.getValue().getParameters()) {
                list.add(new Pair<>(b.getKey() + "." + p.getKey(), p.getValue()));
            }
        }
        this.parameters = List.copyOf(list);
    }

    /** @return the group's name */
    public String name() {
        return name;
    }

    /** @return the blocks, by name */
    public Map<String, Block> blocks() {
        return blocks;
    }

    /** @param optimizer the optimizer that will update this group */
    void setOptimizer(ResumableOptimizer optimizer) {
        this.optimizer = optimizer;
    }

    /** @return every trainable parameter with a name prefixed by its block's */
    public List<Pair<String, Parameter>> parameters() {
        return parameters;
    }

    /** Applies one optimizer step to every parameter that has a gradient. */
    void update() {
        if (optimizer == null) {
            throw new IllegalStateException("group " + name + " has no optimizer");
        }
        for (Pair<String, Parameter> p : parameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            NDArray weight = parameter.getArray();
            try (NDArray grad = weight.getGradient()) {
                // the stable name, not the per-process id: the optimizer's state is checkpointed
                optimizer.update(p.getKey(), weight, grad);
            }
        }
    }

    /** Resets every gradient of the group to zero (PyTorch accumulates them otherwise). */
    void zeroGradients() {
        for (Pair<String, Parameter> p : parameters()) {
            Parameter parameter = p.getValue();
            if (!parameter.requiresGradient()) {
                continue;
            }
            try (NDArray grad = parameter.getArray().getGradient()) {
                grad.muli(0f);
            }
        }
    }

    /**
     * Finds a non-finite gradient. On the hot path: one sum per parameter and a single host sync
     * (a NaN or an infinity anywhere makes the total non-finite); the per-parameter search runs
     * only when that check fails. Every array made here belongs to {@code scope} — gradient
     * wrappers otherwise belong to the weights' long-lived manager and would pile up there.
     *
     * @param scope the step's manager
     * @return the name of the first parameter whose gradient has a NaN or an infinity, or null
     */
    String firstNonFiniteGradient(NDManager scope) {
        NDArray total = null;
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                NDArray sum = gradientIn(p.getValue(), scope).abs().sum();
                total = total == null ? sum : total.add(sum);
            }
        }
        if (total == null || Float.isFinite(total.getFloat())) {
            return null;
        }
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                NDArray grad = gradientIn(p.getValue(), scope);
                if (grad.isNaN().logicalOr(grad.isInfinite()).any().getBoolean()) {
                    return name + "." + p.getKey();
                }
            }
        }
        return null;
    }

    private static NDArray gradientIn(Parameter parameter, NDManager scope) {
        NDArray grad = parameter.getArray().getGradient();
        grad.attach(scope);
        return grad;
    }

    /**
     * Writes every block's parameters to {@code dir/<group>-<block>.params}.
     *
     * @param dir the folder
     * @throws IOException when a file cannot be written
     */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, Block> b : blocks.entrySet()) {
            Path file = dir.resolve(name + "-" + b.getKey() + ".params");
            Path tmp = dir.resolve(file.getFileName() + ".tmp");
            try (DataOutputStream out = new DataOutputStream(
                    new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                b.getValue().saveParameters(out);
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Reads parameters written by {@link #save}.
     *
     * @param dir the folder
     * @param manager the manager that will own the arrays
     * @throws IOException when a file is missing or does not match the block
     */
    public void load(Path dir, NDManager manager) throws IOException {
        for (Map.Entry<String, Block> b : blocks.entrySet()) {
            Path file = dir.resolve(name + "-" + b.getKey() + ".params");
            try (DataInputStream in = new DataInputStream(
                    new BufferedInputStream(Files.newInputStream(file)))) {
                b.getValue().loadParameters(manager, in);
            } catch (ai.djl.MalformedModelException e) {
                throw new IOException(file + ": " + e.getMessage(), e);
            }
        }
        // loaded arrays are new and plain: training on (a resumed run) needs their gradients
        for (Pair<String, Parameter> p : parameters) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }

    /**
     * Writes the optimizer's state to {@code dir/<group>.optimizer}.
     *
     * @param dir the folder
     * @throws IOException when the file cannot be written
     */
    public void saveOptimizer(Path dir) throws IOException {
        if (optimizer == null) {
            throw new IllegalStateException("group " + name + " has no optimizer");
        }
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(dir.resolve(name + ".optimizer"))))) {
            optimizer.write(out);
        }
    }

    /**
     * Reads the optimizer's state written by {@link #saveOptimizer}.
     *
     * @param dir the folder
     * @param manager owner of the state arrays
     * @throws IOException when the file is missing or is not such a state
     */
    public void loadOptimizer(Path dir, NDManager manager) throws IOException {
        if (optimizer == null) {
            throw new IllegalStateException("group " + name + " has no optimizer");
        }
        Path file = dir.resolve(name + ".optimizer");
        try (DataInputStream in = new DataInputStream(
                new BufferedInputStream(Files.newInputStream(file)))) {
            optimizer.read(in, manager);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": truncated optimizer state", e);
        }
    }
}
