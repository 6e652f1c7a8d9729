package com.calsync.platform.macos.objc;

/** What an {@code NSError} said, copied into Java: domain, code and localizedDescription. */
public record NSErrorInfo(String domain, long code, String description) {
    @Override
    public String toString() {
        return description + " (" + domain + " " + code + ")";
    }
}
