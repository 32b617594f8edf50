package io.newsdesk.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUnavailableTest {

    @Test
    void recognisesARefusedConnectionWrappedByHibernateReactive() {
        Throwable refused = new ConnectException("Connection refused: /127.0.0.1:5432");
        assertThat(DatabaseUnavailable.isCause(refused)).isTrue();
        assertThat(DatabaseUnavailable.isCause(new HibernateException(new CompletionException(refused)))).isTrue();
    }

    @Test
    void recognisesAConnectionLostMidQuery() {
        assertThat(DatabaseUnavailable.isCause(new CompletionException(ClosedConnectionException.INSTANCE))).isTrue();
    }

    /** The server stopped while a connection was open: the next read gets a reset, not a refusal (DatabaseRestartTest). */
    @Test
    void recognisesAConnectionResetByTheServer() {
        assertThat(DatabaseUnavailable.isCause(new HibernateException(new CompletionException(
                new SocketException("Connection reset"))))).isTrue();
    }

    @Test
    void recognisesThePoolGivingUpOnAConnection() {
        assertThat(DatabaseUnavailable.isCause(new CompletionException(new NoStackTraceThrowable("Timeout"))))
                .isTrue();
        assertThat(DatabaseUnavailable.isCause(new VertxException("Timeout waiting for connection", true))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new VertxException("Timeout of the HTTP client"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"57P01", "57P02", "57P03", "08006", "08001", "53300"})
    void recognisesServerStatesThatMeanTryAgainLater(String sqlState) {
        PgException shutdown = new PgException("terminating connection due to administrator command", "FATAL",
                sqlState, null);
        assertThat(DatabaseUnavailable.isCause(new HibernateException(shutdown))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "57014", "22001", "40001"})
    void leavesErrorsInTheRequestOrTheSchemaAlone(String sqlState) {
        PgException error = new PgException("some error", "ERROR", sqlState, null);
        assertThat(DatabaseUnavailable.isCause(new HibernateException(new CompletionException(error)))).isFalse();
    }

    @Test
    void leavesOrdinaryBugsAlone() {
        assertThat(DatabaseUnavailable.isCause(new NullPointerException())).isFalse();
        assertThat(DatabaseUnavailable.isCause(new IllegalStateException("boom", new RuntimeException()))).isFalse();
        assertThat(DatabaseUnavailable.isCause(ProblemException.notFound("No article with id 1"))).isFalse();
    }

    @Test
    void stopsAtACycleInTheCauseChain() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(DatabaseUnavailable.isCause(first)).isFalse();
    }

    @Test
    void isAnswered503WithRetryAfterAndNoInternals() {
        RestResponse<Problem> answer = new ProblemMapper().unexpected(new HibernateException(
                new CompletionException(new ConnectException("Connection refused: /127.0.0.1:5432"))), null);

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo(String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        Problem problem = answer.getEntity();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.title()).isEqualTo("Database unavailable");
        assertThat(problem.errors()).isEqualTo(List.of());
        assertThat(problem.detail()).doesNotContain("127.0.0.1", "5432", "Connection refused", "Exception");
    }

    @Test
    void otherFailuresStay500() {
        assertThat(new ProblemMapper().unexpected(new IllegalStateException("boom"), null).getStatus())
                .isEqualTo(500);
    }
}
