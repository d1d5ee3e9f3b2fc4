package ru.ccbilling.document.form;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * XHTML to PDF with openhtmltopdf and the DejaVu fonts that ship in {@code /fonts}, embedded as subsets.
 * Deterministic: the creation date is the document's date and the file identifier is derived from the content,
 * so the same HTML gives the same bytes (and checksum) at every regeneration. Fonts are read once, as bytes;
 * font metrics are cached across renders. Safe to call from several threads.
 */
public final class PdfRendering {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private record Font(String file, String family, int weight) { }
    private static final List<Font> FONTS = List.of(
            new Font("DejaVuSans.ttf", Page.SANS, 400), new Font("DejaVuSans-Bold.ttf", Page.SANS, 700),
            new Font("DejaVuSansCondensed.ttf", Page.CONDENSED, 400), new Font("DejaVuSansCondensed-Bold.ttf", Page.CONDENSED, 700));

    private final ConcurrentHashMap<String, byte[]> fontBytes = new ConcurrentHashMap<>();
    private final FSCacheEx<String, FSCacheValue> metrics = new MetricsCache();

    public PdfRendering() {
        XRLog.listRegisteredLoggers().forEach(logger -> XRLog.setLevel(logger, java.util.logging.Level.WARNING));
        for (Font font : FONTS) {
            fontBytes.put(font.file(), read("/fonts/" + font.file()));
        }
    }

    /** the PDF of an XHTML document dated {@code date} */
    public byte[] pdf(String xhtml, LocalDate date) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withW3cDocument(parse(xhtml), null);
        builder.withProducer("cc-billing");
        builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, metrics);
        PDDocument target = new PDDocument();
        builder.usePDDocument(target);
        Map<String, TrueTypeFont> parsed = PARSED.get();
        for (Font font : FONTS) {
            TrueTypeFont ttf = parsed.computeIfAbsent(font.file(), f -> parse(fontBytes.get(f)));
            builder.useFont(new LazyFont(target, ttf), font.family(), font.weight(), FontStyle.NORMAL, true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            PDDocument doc = renderer.createPDFKeepOpen();
            fix(doc, xhtml, date);
            doc.save(out);
            doc.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** TrueType fonts parsed once per thread: a parsed font is not safe to share between threads */
    private static final ThreadLocal<Map<String, TrueTypeFont>> PARSED = ThreadLocal.withInitial(HashMap::new);

    /** a parser per thread, reused: creating one per document cost more than parsing */
    private static final ThreadLocal<DocumentBuilder> XML = ThreadLocal.withInitial(() -> {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    });

    private static org.w3c.dom.Document parse(String xhtml) {
        DocumentBuilder parser = XML.get();
        parser.reset();
        try {
            return parser.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("a form is not well-formed XHTML: " + e.getMessage(), e);
        }
    }

    private static TrueTypeFont parse(byte[] bytes) {
        try {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            // glyph substitution (Latin ligatures) costs an eighth of the rendering time and forms need none of it
            font.setEnableGsub(false);
            return font;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** loads the font into the document only when the layout uses it */
    private static final class LazyFont extends PDFontSupplier {
        private final PDDocument doc;
        private final TrueTypeFont ttf;
        private PDFont font;

        LazyFont(PDDocument doc, TrueTypeFont ttf) {
            super(null);
            this.doc = doc;
            this.ttf = ttf;
        }

        @Override
        public PDFont supply() {
            if (font == null) {
                try {
                    font = PDType0Font.load(doc, ttf, true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return font;
        }
    }

    /** no clock and no randomness in the file: dates are the document's, the identifier is the content's */
    private static void fix(PDDocument doc, String xhtml, LocalDate date) {
        PDDocumentInformation info = doc.getDocumentInformation();
        GregorianCalendar when = GregorianCalendar.from(date.atStartOfDay(MOSCOW));
        info.setCreationDate(when);
        info.setModificationDate(when);
        byte[] id = Arrays.copyOf(sha256(xhtml.getBytes(StandardCharsets.UTF_8)), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfRendering.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class MetricsCache implements FSCacheEx<String, FSCacheValue> {
        private final ConcurrentHashMap<String, FSCacheValue> map = new ConcurrentHashMap<>();

        @Override
        public void put(String key, FSCacheValue value) {
            map.put(key, value);
        }

        @Override
        public FSCacheValue get(String key, java.util.concurrent.Callable<? extends FSCacheValue> loader) {
            return map.computeIfAbsent(key, k -> {
                try {
                    return loader.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        @Override
        public FSCacheValue get(String key) {
            return map.get(key);
        }
    }
}
