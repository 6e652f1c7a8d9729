package com.calsync.store.http;

import com.calsync.store.StoreException;

/**
 * A server's answer was larger than {@link HttpLimits#maxBodyBytes()} (after decompression). Not
 * retried: the same answer would be as large next time; the message names the key that raises
 * the limit.
 */
public final class ResponseTooLargeException extends StoreException {
    public ResponseTooLargeException(String what, HttpLimits limits) {
        super(what + " is larger than " + limits.sizeText() + ", the limit for one answer; it was not read further."
                + " If the calendar really is that big, raise \"" + HttpLimits.SIZE_KEY
                + "\" in the \"limits\" section of config.json");
    }
}
