package ru.ccbilling.document;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import ru.ccbilling.document.form.Forms;
import ru.ccbilling.document.form.PdfRendering;

/** Renders document contents to PDF on a small pool (one thread per core by default), the fonts loaded once. */
@Component
public class DocumentRendering {

    /** a rendered document: its XHTML, PDF and the PDF's SHA-256 (hex) */
    public record Rendered(DocumentContent content, String html, byte[] pdf, String sha256) { }

    private final PdfRendering pdf = new PdfRendering();
    private final ExecutorService pool;

    DocumentRendering(@Value("${ccbilling.documents.render-threads:2}") int threads) {
        this.pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "document-render");
            t.setDaemon(true);
            return t;
        });
    }

    public Rendered render(DocumentContent content) {
        String html = Forms.html(content);
        byte[] bytes = pdf.pdf(html, content.date());
        return new Rendered(content, html, bytes, PdfRendering.sha256Hex(bytes));
    }

    /** renders all contents in parallel, answering them in the same order */
    public List<Rendered> renderAll(List<DocumentContent> contents) {
        if (contents.size() == 1) {
            return List.of(render(contents.get(0)));
        }
        List<Future<Rendered>> futures = new ArrayList<>(contents.size());
        for (DocumentContent c : contents) {
            futures.add(pool.submit(() -> render(c)));
        }
        List<Rendered> out = new ArrayList<>(contents.size());
        try {
            for (Future<Rendered> f : futures) {
                out.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rendering was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return out;
    }

    /** the same fonts and settings for other PDFs (envelope labels) */
    public byte[] pdf(String xhtml, java.time.LocalDate date) {
        return pdf.pdf(xhtml, date);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
