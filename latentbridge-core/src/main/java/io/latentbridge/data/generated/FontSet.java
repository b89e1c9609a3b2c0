package io.latentbridge.data.generated;

import io.latentbridge.data.Checksums;
import io.latentbridge.data.DataException;
import io.latentbridge.data.DataFileRecord;
import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The fonts {@code syndigits} renders with: every TrueType file under a folder that can draw
 * the ten digits, in file-name order (so the same files give the same fonts in the same order on
 * any machine).
 *
 * @param fonts the loaded fonts, size 1
 * @param files each font file's name and SHA-256, in the same order
 */
public record FontSet(List<Font> fonts, List<DataFileRecord> files) {

    /** Fewer fonts than this and the domain would not be diverse enough to mean anything. */
    public static final int MIN_FONTS = 20;

    /**
     * Loads the fonts under a folder.
     *
     * @param dir searched recursively for {@code *.ttf}
     * @return the usable fonts
     * @throws DataException when fewer than {@link #MIN_FONTS} usable fonts are found
     */
    public static FontSet load(Path dir) {
        return load(dir, MIN_FONTS);
    }

    static FontSet load(Path dir, int minimum) {
        if (!Files.isDirectory(dir)) {
            throw new DataException(dir, "font folder does not exist (run scripts/setup-domains.sh"
                    + " or set " + Assets.ENV + ")");
        }
        // by file name: the same font installed under two folders counts once
        Map<String, Path> byName = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ttf"))
                    .filter(Files::isRegularFile)
                    .forEach(p -> byName.putIfAbsent(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw new DataException(dir, "cannot list fonts (" + e.getMessage() + ")");
        }
        List<Font> fonts = new ArrayList<>();
        List<DataFileRecord> files = new ArrayList<>();
        for (Map.Entry<String, Path> e : byName.entrySet()) {
            Font font;
            try {
                font = Font.createFont(Font.TRUETYPE_FONT, e.getValue().toFile());
            } catch (FontFormatException | IOException ex) {
                continue; // not every .ttf is one Java can read; the manifest lists those used
            }
            if (font.canDisplayUpTo("0123456789") != -1) {
                continue;
            }
            fonts.add(font);
            files.add(new DataFileRecord(e.getKey(), Checksums.sha256(e.getValue())));
        }
        if (fonts.size() < minimum) {
            throw new DataException(dir, "only " + fonts.size() + " usable fonts found, "
                    + "syndigits needs at least " + minimum
                    + " (run scripts/setup-domains.sh, or set " + Assets.ENV + ")");
        }
        return new FontSet(List.copyOf(fonts), List.copyOf(files));
    }

    /** @return one SHA-256 over every font's name and digest: which font set this is */
    public String digest() {
        return digestOf(files);
    }

    static String digestOf(List<DataFileRecord> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (DataFileRecord f : files) {
                md.update((f.path() + " " + f.sha256() + "\n").getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
