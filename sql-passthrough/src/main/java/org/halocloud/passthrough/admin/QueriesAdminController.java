package org.halocloud.passthrough.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.state.Integrators;
import org.halocloud.kernel.state.QueryLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The operator's view of the query log: metadata only (ids, mode, status, sizes, timings, error type) — the log
 * never holds SQL text, bind values or rows, so this cannot return them. Newest first, keyset-paged.
 */
@OperatorApi
public class QueriesAdminController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final QueryLog queryLog;
    private final Integrators integrators;

    public QueriesAdminController(QueryLog queryLog, Integrators integrators) {
        this.queryLog = queryLog;
        this.integrators = integrators;
    }

    /** @param next the cursor of the following page ({@code cursor=}), null on the last page */
    public record Page(List<QueryLog.Listed> queries, String next) {
    }

    @Operation(summary = "Query metadata, newest first (never SQL text, bind values or rows)")
    @ApiResponse(responseCode = "200", description = "{queries: [...], next: cursor or null}")
    @ApiResponse(responseCode = "400", description = "a malformed subscription, site, since, limit or cursor")
    @ApiResponse(responseCode = "404", description = "no such integrator")
    @GetMapping("/admin/queries")
    public Page queries(
            @Parameter(description = "the integrator's id or name") @RequestParam(required = false) String integrator,
            @Parameter(description = "a subscription id") @RequestParam(required = false) String subscription,
            @Parameter(description = "a Halo GUID") @RequestParam(required = false) String site,
            @Parameter(description = "ISO-8601 instant, date-time with offset, or date (UTC)")
            @RequestParam(required = false) String since,
            @Parameter(description = "1–1000, default 100") @RequestParam(required = false) Integer limit,
            @Parameter(description = "the previous page's next") @RequestParam(required = false) String cursor) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw new Refusal(400, "limit must be 1–" + MAX_LIMIT + ".");
        }
        UUID integratorId = blank(integrator) ? null : IntegratorsAdminController.resolve(integrators, integrator);
        UUID subscriptionId = blank(subscription) ? null : uuid(subscription, "subscription must be a subscription id.");
        UUID siteId = blank(site) ? null : uuid(site, "site must be a Halo GUID.");
        // an offset's '+' sent unencoded arrives as a space
        OffsetDateTime from = blank(since) ? null : since(since.strip().replace(' ', '+'));
        QueryLog.Position after = blank(cursor) ? null : decode(cursor.strip());
        List<QueryLog.Listed> rows = queryLog.list(integratorId, subscriptionId, siteId, from, after, n + 1);
        if (rows.size() <= n) {
            return new Page(rows, null);
        }
        List<QueryLog.Listed> page = rows.subList(0, n);
        QueryLog.Listed last = page.get(n - 1);
        return new Page(List.copyOf(page), encode(new QueryLog.Position(last.createdAt(), last.id())));
    }

    /** Not sealed: it holds only a time and a query id, both already in the page the operator was given. */
    static String encode(QueryLog.Position p) {
        String plain = p.createdAt().toInstant() + "|" + p.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static QueryLog.Position decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            return new QueryLog.Position(OffsetDateTime.ofInstant(Instant.parse(plain.substring(0, bar)), ZoneOffset.UTC),
                    UUID.fromString(plain.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new Refusal(400, "cursor is not one this API gave.");
        }
    }

    private static OffsetDateTime since(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notOffset) {
            try {
                return OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException notDate) {
                    throw new Refusal(400, "since must be an ISO-8601 date-time with offset, or a date.");
                }
            }
        }
    }

    private static UUID uuid(String value, String message) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new Refusal(400, message);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
