package com.calsync.store.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import com.calsync.store.StoreException;

/**
 * Undoes {@code Content-Encoding: gzip} (or {@code deflate}) with the size limit applied to what
 * comes out: 3 MB of gzip can expand to gigabytes, and the limit must hold for the expanded text.
 */
public final class ContentDecoding {
    private ContentDecoding() {
    }

    /**
     * @param encoding the Content-Encoding header ("" when absent); unknown codings pass through
     * @param what     what the body is, for errors ("the answer to GET https://…")
     * @throws ResponseTooLargeException when the decoded body passes the limit
     * @throws StoreException when the body is not valid gzip/deflate data
     */
    public static byte[] decode(byte[] body, String encoding, HttpLimits limits, String what) {
        String coding = encoding.strip().toLowerCase(Locale.ROOT);
        if (body.length > limits.maxBodyBytes()) {
            throw new ResponseTooLargeException(what, limits);
        }
        try {
            return switch (coding) {
                case "gzip", "x-gzip" -> readCapped(new GZIPInputStream(new ByteArrayInputStream(body)), limits, what);
                case "deflate" -> readCapped(new InflaterInputStream(new ByteArrayInputStream(body)), limits, what);
                default -> body;
            };
        } catch (ZipException | java.io.EOFException e) {
            throw new StoreException(what + " says it is " + coding + "-compressed but is not valid " + coding
                    + " data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new StoreException(what + " could not be decompressed: " + e.getMessage(), e);
        }
    }

    private static byte[] readCapped(InputStream in, HttpLimits limits, String what) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > limits.maxBodyBytes()) {
                    throw new ResponseTooLargeException(what + " (decompressed)", limits);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
