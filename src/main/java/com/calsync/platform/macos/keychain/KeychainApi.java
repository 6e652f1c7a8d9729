package com.calsync.platform.macos.keychain;

import java.util.Map;
import java.util.Optional;

/**
 * The four Security.framework item calls, with queries as ordered maps of Security's constant
 * names to values, so what the Keychain secret store asks for can be checked without a Mac.
 * Return values are OSStatus codes.
 */
public interface KeychainApi {
    int ERR_SEC_SUCCESS = 0;
    int ERR_SEC_ITEM_NOT_FOUND = -25300;
    int ERR_SEC_DUPLICATE_ITEM = -25299;
    int ERR_SEC_INTERACTION_NOT_ALLOWED = -25308;
    int ERR_SEC_AUTH_FAILED = -25293;

    /** A value in a query: a Security constant by name, a string, bytes, or a CFBoolean. */
    sealed interface Value {
        record Constant(String name) implements Value {}

        record Text(String text) implements Value {}

        record Data(byte[] bytes) implements Value {}

        record Flag(boolean value) implements Value {}
    }

    int add(Map<String, Value> attributes);

    /** SecItemCopyMatching with kSecReturnData: the item's data when the status is success. */
    int copyMatching(Map<String, Value> query, java.util.function.Consumer<byte[]> data);

    int update(Map<String, Value> query, Map<String, Value> changes);

    int delete(Map<String, Value> query);

    /** Security's own words for a status (SecCopyErrorMessageString), when it has some. */
    Optional<String> describe(int status);
}
