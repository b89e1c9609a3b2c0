package io.latentbridge.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads LIBSVM text files of fixed-size grey images, as the USPS release is distributed.
 *
 * <p>Each line is {@code LABEL i:v i:v …} with 1-based labels and indices. Values are in
 * [-1, 1] (-1 is background) and are mapped to [0, 1] by {@code (v + 1) / 2}; labels {@code 1..K}
 * become {@code 0..K-1}. Missing indices are background.
 */
public final class LibsvmReader {

    private LibsvmReader() {}

    /** Images and labels read from one file. */
    public record Result(ImageSet images, int[] labels) {}

    /**
     * Reads a file of square grey images.
     *
     * @param file the file, optionally {@code .bz2} or {@code .gz}
     * @param side image side in pixels (16 for USPS)
     * @param classes number of classes; labels must lie in {@code 1..classes}
     * @return the images in [0, 1] and labels in {@code 0..classes-1}
     */
    public static Result read(Path file, int side, int classes) {
        int dim = side * side;
        List<float[]> images = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        try (InputStream in = DataFiles.open(file);
                BufferedReader reader =
                        new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                line = line.trim();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                int label = parseLabel(file, lineNo, parts[0], classes);
                float[] image = new float[dim];
                // background is -1, which maps to 0: the default of a new array
                for (int k = 1; k < parts.length; k++) {
                    String part = parts[k];
                    int colon = part.indexOf(':');
                    if (colon <= 0) {
                        throw new DataException(file, "line " + lineNo + ": bad entry '" + part
                                + "' (expected index:value)");
                    }
                    int index;
                    float value;
                    try {
                        index = Integer.parseInt(part.substring(0, colon));
                        value = Float.parseFloat(part.substring(colon + 1));
                    } catch (NumberFormatException e) {
                        throw new DataException(file, "line " + lineNo + ": bad entry '" + part
                                + "'");
                    }
                    if (index < 1 || index > dim) {
                        throw new DataException(file, "line " + lineNo + ": index " + index
                                + " outside 1.." + dim);
                    }
                    if (!(value >= -1.0001f && value <= 1.0001f)) {
                        throw new DataException(file, "line " + lineNo + ": value " + value
                                + " outside [-1, 1]");
                    }
                    image[index - 1] = Math.min(1f, Math.max(0f, (value + 1f) / 2f));
                }
                images.add(image);
                labels.add(label);
            }
        } catch (IOException e) {
            throw new DataException(file, "unreadable (" + DataFiles.oneLine(e) + ")", e);
        }
        float[] pixels = new float[images.size() * dim];
        int[] labelArray = new int[images.size()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(images.get(i), 0, pixels, i * dim, dim);
            labelArray[i] = labels.get(i);
        }
        return new Result(new ImageSet(images.size(), 1, side, side, pixels), labelArray);
    }

    private static int parseLabel(Path file, int lineNo, String text, int classes) {
        int label;
        try {
            label = (int) Double.parseDouble(text);
            if (label != Double.parseDouble(text)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new DataException(file, "line " + lineNo + ": bad label '" + text + "'");
        }
        if (label < 1 || label > classes) {
            throw new DataException(file, "line " + lineNo + ": label " + label + " outside 1.."
                    + classes);
        }
        return label - 1;
    }
}
