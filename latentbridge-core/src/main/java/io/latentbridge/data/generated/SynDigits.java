package io.latentbridge.data.generated;

import io.latentbridge.data.ImageSet;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Synthetic digits in the spirit of the set DANN used: 32×32 RGB digits rendered with many
 * fonts, at random size, offset and rotation, in a random colour over a flat or gradient
 * background of another colour, sometimes outlined, sometimes with neighbouring digits at the
 * sides (as in house numbers), then blurred and noised.
 *
 * <p>Recipe, per image (every draw from {@link ImageRandom}, so the image depends only on the
 * seed, the split and its index): class uniform in 0–9; font uniform over the {@link FontSet};
 * glyph height 16–28 px; rotation uniform ±15°; centre offset ±3 px; background colour uniform in
 * RGB, half the time a linear gradient to a second colour; foreground colour re-drawn until its
 * luma differs from the background's by at least 0.35; with probability 0.3 an outline of width
 * 0.5–2 px in a third colour; with probability 0.4 one neighbouring digit each side; with
 * probability 0.5 a Gaussian blur, σ uniform in 0.3–1.2 px; Gaussian pixel noise, σ uniform in
 * 0–0.06.
 */
public final class SynDigits {

    /** Bumped whenever the recipe changes what it draws; part of the cache key. */
    public static final int RECIPE_VERSION = 1;
    /** Image side in pixels. */
    public static final int SIDE = 32;

    private final FontSet fonts;
    private final long seed;

    /**
     * @param fonts the fonts to draw with
     * @param seed the seed the whole domain follows
     */
    public SynDigits(FontSet fonts, long seed) {
        this.fonts = fonts;
        this.seed = seed;
    }

    /**
     * Generates images {@code from} (inclusive) to {@code to} (exclusive) of a split.
     *
     * @param split {@code train} or {@code test}
     * @param from first index
     * @param to end index
     * @param labels receives the class of each image, {@code to − from} long
     * @return the images, 3×32×32, values in [0, 1]
     */
    public ImageSet generate(String split, int from, int to, int[] labels) {
        int n = to - from;
        int plane = SIDE * SIDE;
        float[] pixels = new float[n * 3 * plane];
        BufferedImage canvas = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < n; i++) {
            SplittableRandom r = ImageRandom.of(seed, split, from + i);
            labels[i] = r.nextInt(10);
            draw(canvas, labels[i], r);
            float[][] rgb = new float[3][plane];
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    int argb = canvas.getRGB(x, y);
                    rgb[0][y * SIDE + x] = ((argb >> 16) & 0xFF) / 255f;
                    rgb[1][y * SIDE + x] = ((argb >> 8) & 0xFF) / 255f;
                    rgb[2][y * SIDE + x] = (argb & 0xFF) / 255f;
                }
            }
            if (r.nextDouble() < 0.5) {
                double sigma = 0.3 + 0.9 * r.nextDouble();
                for (float[] channel : rgb) {
                    blur(channel, sigma);
                }
            }
            double noise = 0.06 * r.nextDouble();
            for (int c = 0; c < 3; c++) {
                for (int p = 0; p < plane; p++) {
                    double v = rgb[c][p] + noise * r.nextGaussian();
                    pixels[(i * 3 + c) * plane + p] = (float) Math.max(0, Math.min(1, v));
                }
            }
        }
        return new ImageSet(n, 3, SIDE, SIDE, pixels);
    }

    private void draw(BufferedImage canvas, int digit, SplittableRandom r) {
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            Color bg = randomColour(r);
            if (r.nextDouble() < 0.5) {
                g.setPaint(new GradientPaint(r.nextInt(SIDE), r.nextInt(SIDE), bg,
                        r.nextInt(SIDE), r.nextInt(SIDE), randomColour(r)));
            } else {
                g.setPaint(bg);
            }
            g.fillRect(0, 0, SIDE, SIDE);
            Color fg = contrasting(bg, r);
            Font base = fonts.fonts().get(r.nextInt(fonts.fonts().size()));
            double height = 16 + 12 * r.nextDouble();
            double angle = Math.toRadians(-15 + 30 * r.nextDouble());
            double cx = SIDE / 2.0 - 3 + 6 * r.nextDouble();
            double cy = SIDE / 2.0 - 3 + 6 * r.nextDouble();
            boolean outline = r.nextDouble() < 0.3;
            Color stroke = randomColour(r);
            float strokeWidth = (float) (0.5 + 1.5 * r.nextDouble());
            boolean neighbours = r.nextDouble() < 0.4;
            int left = r.nextInt(10);
            int right = r.nextInt(10);

            FontRenderContext frc = new FontRenderContext(null, true, true);
            // size the font so the digit's drawn height is the chosen height
            Font sized = base.deriveFont(100f);
            Rectangle2D probe = sized.createGlyphVector(frc, "0").getVisualBounds();
            sized = base.deriveFont((float) (100 * height / Math.max(1, probe.getHeight())));
            GlyphVector gv = sized.createGlyphVector(frc, Integer.toString(digit));
            Rectangle2D b = gv.getVisualBounds();
            AffineTransform at = new AffineTransform();
            at.rotate(angle, cx, cy);
            at.translate(cx - b.getCenterX(), cy - b.getCenterY());
            paint(g, at.createTransformedShape(gv.getOutline()), fg, outline, stroke, strokeWidth);
            if (neighbours) {
                double advance = b.getWidth() + 0.15 * height;
                for (int side = -1; side <= 1; side += 2) {
                    GlyphVector n = sized.createGlyphVector(frc,
                            Integer.toString(side < 0 ? left : right));
                    Rectangle2D nb = n.getVisualBounds();
                    AffineTransform nt = new AffineTransform(at);
                    nt.translate(b.getCenterX() - nb.getCenterX() + side * advance,
                            b.getCenterY() - nb.getCenterY());
                    paint(g, nt.createTransformedShape(n.getOutline()), fg, outline, stroke,
                            strokeWidth);
                }
            }
        } finally {
            g.dispose();
        }
    }

    private static void paint(Graphics2D g, Shape glyph, Color fg, boolean outline, Color stroke,
            float width) {
        g.setPaint(fg);
        g.fill(glyph);
        if (outline) {
            g.setPaint(stroke);
            g.setStroke(new BasicStroke(width));
            g.draw(glyph);
        }
    }

    private static Color randomColour(SplittableRandom r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    private static double luma(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255.0;
    }

    private static Color contrasting(Color bg, SplittableRandom r) {
        for (int attempt = 0; attempt < 50; attempt++) {
            Color c = randomColour(r);
            if (Math.abs(luma(c) - luma(bg)) >= 0.35) {
                return c;
            }
        }
        return luma(bg) > 0.5 ? Color.BLACK : Color.WHITE;
    }

    /** Separable Gaussian blur of one 32×32 channel, edges clamped. */
    private static void blur(float[] channel, double sigma) {
        int radius = (int) Math.ceil(2.5 * sigma);
        double[] k = new double[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[channel.length];
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    int xx = Math.max(0, Math.min(SIDE - 1, x + i));
                    v += k[i + radius] * channel[y * SIDE + xx];
                }
                tmp[y * SIDE + x] = (float) v;
            }
        }
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                double v = 0;
                for (int i = -radius; i <= radius; i++) {
                    int yy = Math.max(0, Math.min(SIDE - 1, y + i));
                    v += k[i + radius] * tmp[yy * SIDE + x];
                }
                channel[y * SIDE + x] = (float) v;
            }
        }
    }
}
