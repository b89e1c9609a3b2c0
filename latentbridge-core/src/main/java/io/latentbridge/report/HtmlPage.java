package io.latentbridge.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.List;

/**
 * A small self-contained HTML page: headings, paragraphs, tables, preformatted text and PNG
 * images embedded as data URIs, so the one file can be mailed or archived. A script marks, once
 * the page has loaded, how many of its images decoded ({@code data-images-loaded} on the body) —
 * what the headless-browser test reads.
 */
public final class HtmlPage {

    private final StringBuilder body = new StringBuilder();
    private final String title;

    /** @param title the page title */
    public HtmlPage(String title) {
        this.title = title;
        body.append("<h1>").append(escape(title)).append("</h1>\n");
    }

    /**
     * @param text a section heading
     * @return this
     */
    public HtmlPage heading(String text) {
        body.append("<h2>").append(escape(text)).append("</h2>\n");
        return this;
    }

    /**
     * @param text a paragraph
     * @return this
     */
    public HtmlPage paragraph(String text) {
        body.append("<p>").append(escape(text)).append("</p>\n");
        return this;
    }

    /**
     * @param png PNG bytes
     * @param alt what the image shows
     * @return this
     */
    public HtmlPage image(byte[] png, String alt) {
        body.append("<figure><img alt=\"").append(escape(alt)).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"><figcaption>")
                .append(escape(alt)).append("</figcaption></figure>\n");
        return this;
    }

    /**
     * @param header column names
     * @param rows cells
     * @return this
     */
    public HtmlPage table(List<String> header, List<List<String>> rows) {
        body.append("<table><tr>");
        header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> row : rows) {
            body.append("<tr>");
            row.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /**
     * @param text preformatted text (a config, say)
     * @return this
     */
    public HtmlPage pre(String text) {
        body.append("<pre>").append(escape(text)).append("</pre>\n");
        return this;
    }

    /** @return the page */
    public String html() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + escape(title) + "</title><style>"
                + "body{font-family:sans-serif;max-width:1400px;margin:2em auto;color:#222}"
                + "figure{display:inline-block;margin:0.5em;vertical-align:top}"
                + "figcaption{font-size:0.85em;color:#555}"
                + "table{border-collapse:collapse;margin:1em 0}"
                + "td,th{border:1px solid #ccc;padding:0.25em 0.6em;text-align:right}"
                + "pre{background:#f6f6f6;padding:1em;overflow:auto;font-size:0.85em}"
                + "</style></head>\n<body>\n" + body
                + "<script>window.addEventListener('load',function(){var i=document.images,n=0;"
                + "for(var k=0;k<i.length;k++){if(i[k].complete&&i[k].naturalWidth>0){n++;}}"
                + "document.body.setAttribute('data-images-loaded',n);"
                + "document.body.setAttribute('data-images-total',i.length);});</script>\n"
                + "</body></html>\n";
    }

    /**
     * Writes the page atomically.
     *
     * @param file the destination
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, html(), StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
