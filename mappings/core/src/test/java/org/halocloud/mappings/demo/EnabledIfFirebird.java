package org.halocloud.mappings.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where a Firebird server answers ({@link FirebirdServer#forTests()}: 127.0.0.1:3050 or
 * HALO_TEST_FIREBIRD_URL, SYSDBA with ISC_PASSWORD); elsewhere it is skipped with one clear message. CI
 * ({@code .ci/run}) installs and starts Firebird, so there the tests always run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(EnabledIfFirebird.Condition.class)
public @interface EnabledIfFirebird {

    /** The server is probed once per JVM. */
    final class Condition implements ExecutionCondition {

        private static Optional<String> unavailable;

        static synchronized Optional<String> unavailable() {
            if (unavailable == null) {
                unavailable = FirebirdServer.forTests().unavailable();
                unavailable.ifPresent(reason -> System.out.println("[tests] " + message(reason)));
            }
            return unavailable;
        }

        private static String message(String reason) {
            return "Firebird tests skipped: " + reason + ". To run them, install and start firebird3.0-server and"
                    + " export ISC_PASSWORD (SYSDBA's password); see the README or .ci/run";
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return unavailable().map(reason -> ConditionEvaluationResult.disabled(message(reason)))
                    .orElseGet(() -> ConditionEvaluationResult.enabled("a Firebird server answers"));
        }
    }
}
