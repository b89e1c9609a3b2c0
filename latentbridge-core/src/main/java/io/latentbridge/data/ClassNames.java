package io.latentbridge.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;

/**
 * The ordered names of a dataset's classes. A source and a target are matched class by class
 * through these names, never through positions alone.
 *
 * @param names class names; index {@code i} is label {@code i}
 */
public record ClassNames(List<String> names) {

    /** Copies the list. */
    public ClassNames {
        names = List.copyOf(names);
    }

    /** @return the class names {@code "0"}…{@code "9"} used by MNIST and USPS */
    public static ClassNames digits() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            names.add(Integer.toString(i));
        }
        return new ClassNames(names);
    }

    /** @return the number of classes */
    public int size() {
        return names.size();
    }

    /** @param label a label @return its class name */
    public String name(int label) {
        return names.get(label);
    }

    /**
     * Maps each of {@code other}'s labels to the label of the same name here.
     *
     * @param other the classes of another dataset
     * @return {@code map[otherLabel] = thisLabel}
     * @throws IllegalArgumentException naming the classes that do not match
     */
    public int[] mappingFrom(ClassNames other) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] map = new int[other.size()];
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < other.size(); i++) {
            Integer j = index.get(other.name(i));
            if (j == null) {
                unknown.add(other.name(i));
                map[i] = -1;
            } else {
                map[i] = j;
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "classes " + unknown + " are not among the source's classes " + names);
        }
        return map;
    }
}
