/**
 * What the network stores (CalDAV, feeds) share about talking to servers they do not control:
 * {@link com.calsync.store.http.HttpClients} builds every HTTP client (redirects never followed
 * by the JDK, TLS verified, an account's own CA trusted from a PEM file);
 * {@link com.calsync.store.http.BoundedExchange} bounds each exchange by an overall deadline and
 * a body size; {@link com.calsync.store.http.Origin} and
 * {@link com.calsync.store.http.Redirects} decide where credentials and redirects may go.
 */
package com.calsync.store.http;
