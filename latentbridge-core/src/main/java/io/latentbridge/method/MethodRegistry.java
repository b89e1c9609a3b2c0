package io.latentbridge.method;

import io.latentbridge.method.cdlm.Cdlm;
import io.latentbridge.method.dann.Dann;
import io.latentbridge.method.ddc.Ddc;
import io.latentbridge.method.dsn.Dsn;
import io.latentbridge.method.sourceonly.SourceOnly;
import io.latentbridge.train.Method;
import java.util.List;
import java.util.Optional;

/** Every method LatentBridge offers. Adding a method adds one line here. */
public final class MethodRegistry {

    private final List<Method<?>> methods = List.of(
            SourceOnly.METHOD,
            Ddc.METHOD,
            Dann.METHOD,
            Dsn.METHOD,
            Cdlm.METHOD);

    /** @return every method */
    public List<Method<?>> methods() {
        return methods;
    }

    /**
     * @param name a method name
     * @return the method of that name, if any
     */
    public Optional<Method<?>> find(String name) {
        return methods.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** @return the method names, comma separated */
    public String names() {
        return String.join(", ", methods.stream().map(Method::name).toList());
    }
}
