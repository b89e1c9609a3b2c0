package io.latentbridge.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts, drawn with XChart and encoded as PNG bytes. */
public final class Charts {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    /** Ten distinguishable colours (Tableau 10), one per class. */
    static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759),
        new Color(0x76B7B2), new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1),
        new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};

    private Charts() {}

    /**
     * Lines over training steps.
     *
     * @param title the title
     * @param yTitle the y axis
     * @param steps x values
     * @param series named y values, aligned with {@code steps} (NaN: no value)
     * @param logY a logarithmic y axis
     * @return PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] lines(String title, String yTitle, double[] steps,
            Map<String, double[]> series, boolean logY) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("step").yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(4);
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), steps, e.getValue());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return png(chart);
    }

    /**
     * A scatter plot of 2-D points in groups.
     *
     * @param title the title
     * @param x first coordinates
     * @param y second coordinates
     * @param group each point's group index
     * @param names group names
     * @param colours group colours
     * @return PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] scatter(String title, double[] x, double[] y, int[] group,
            List<String> names, Color[] colours) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT + 80).title(title).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        for (int g = 0; g < names.size(); g++) {
            int count = 0;
            for (int v : group) {
                count += v == g ? 1 : 0;
            }
            if (count == 0) {
                continue;
            }
            double[] gx = new double[count];
            double[] gy = new double[count];
            for (int i = 0, k = 0; i < group.length; i++) {
                if (group[i] == g) {
                    gx[k] = x[i];
                    gy[k++] = y[i];
                }
            }
            XYSeries s = chart.addSeries(names.get(g), gx, gy);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(colours[g % colours.length]);
        }
        return png(chart);
    }

    /**
     * The confusion matrix as a heat map (rows: true class, columns: predicted).
     *
     * @param title the title
     * @param confusion counts {@code [true][predicted]}
     * @param classes class names
     * @return PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] heatMap(String title, int[][] confusion, List<String> classes)
            throws IOException {
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT + 80)
                .title(title).xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true);
        chart.getStyler().setRangeColors(new Color[] {Color.WHITE, new Color(0x9ECAE1),
            new Color(0x08519C)});
        List<int[]> cells = new java.util.ArrayList<>();
        for (int t = 0; t < confusion.length; t++) {
            for (int p = 0; p < confusion[t].length; p++) {
                cells.add(new int[] {p, t, confusion[t][p]});
            }
        }
        chart.addSeries("count", classes, classes, toNumbers(cells));
        return png(chart);
    }

    private static List<Number[]> toNumbers(List<int[]> cells) {
        List<Number[]> out = new java.util.ArrayList<>();
        for (int[] c : cells) {
            out.add(new Number[] {c[0], c[1], c[2]});
        }
        return out;
    }

    /**
     * The reliability diagram: accuracy against confidence per bin, with the diagonal of a
     * perfectly calibrated model.
     *
     * @param title the title
     * @param confidence mean confidence per non-empty bin
     * @param accuracy accuracy per non-empty bin
     * @return PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] reliability(String title, double[] confidence, double[] accuracy)
            throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle("confidence").yAxisTitle("accuracy").build();
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        XYSeries ideal = chart.addSeries("perfect calibration", new double[] {0, 1},
                new double[] {0, 1});
        ideal.setMarker(SeriesMarkers.NONE);
        ideal.setLineColor(Color.GRAY);
        ideal.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {4f, 4f}, 0f));
        if (confidence.length > 0) {
            XYSeries s = chart.addSeries("model", confidence, accuracy);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return png(chart);
    }

    /**
     * Bars with error bars: mean ± std per method and task.
     *
     * @param title the title
     * @param categories the methods
     * @param series per task: means and stds, aligned with {@code categories}
     * @return PNG bytes
     * @throws IOException when encoding fails
     */
    public static byte[] bars(String title, List<String> categories,
            Map<String, double[][]> series) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH + 160).height(HEIGHT)
                .title(title).yAxisTitle("target accuracy").build();
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        for (Map.Entry<String, double[][]> e : series.entrySet()) {
            chart.addSeries(e.getKey(), categories, toList(e.getValue()[0]),
                    toList(e.getValue()[1]));
        }
        return png(chart);
    }

    private static List<Double> toList(double[] v) {
        List<Double> out = new java.util.ArrayList<>();
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static byte[] png(Chart<?, ?> chart) throws IOException {
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
