package io.newsdesk.api;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached right now" rather than a bug: refused, reset or
 * lost connections, a server shutting down or starting up, a pool that timed out waiting for a connection. Hibernate
 * Reactive and Mutiny wrap these several levels deep, so the whole cause chain is searched. Such failures are answered
 * with 503 and Retry-After, since the request can succeed unchanged once the database is back.
 */
public final class DatabaseUnavailable {

    /** What a 503 answer suggests as the wait before retrying, in seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (isUnavailable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(Throwable cause) {
        // Refused or no route (ConnectException, Netty's AnnotatedConnectException too), or reset by a server that
        // went away between two reads of an open connection ("Connection reset"): all SocketExceptions.
        if (cause instanceof SocketException
                || cause instanceof ClosedConnectionException // the server closed the connection mid-query
                || cause instanceof ClosedChannelException
                || cause instanceof SQLTransientConnectionException) { // JDBC (Flyway's pool) could not connect
            return true;
        }
        if (cause instanceof PgException pg) {
            return isUnavailableState(pg.getSqlState());
        }
        // The reactive pool fails a waiter that timed out with a bare Vert.x exception: "Timeout" or
        // "Timeout waiting for connection".
        return cause.getClass().getName().startsWith("io.vertx.")
                && ("Timeout".equals(cause.getMessage()) || "Timeout waiting for connection".equals(cause.getMessage()));
    }

    /**
     * SQLSTATE class 08 (connection exception), 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now
     * (starting up or shutting down), 53300 too many connections.
     */
    static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03") || sqlState.equals("53300"));
    }
}
