package org.halocloud.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.util.List;
import java.util.UUID;
import org.halocloud.kernel.frontdoor.Admission;
import org.halocloud.kernel.security.Sealer;
import org.halocloud.kernel.state.Subscription;
import org.halocloud.kernel.state.PmsDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class SearchPagingTest {

    private static final UUID SITE = UUID.fromString("1e59a7d5-4d40-48d7-8ee4-6c3db3d814f0");

    private static final UUID SUBSCRIPTION = UUID.fromString("7b0c1f3e-2d4a-4c59-9a51-0f6e8f2b9c11");
    /** What a next link of this site, made for this subscription, is sealed for. */
    private static final Sealer.Binding BINDING = Sealer.Purpose.PAGING_LINK.of(SITE, SUBSCRIPTION);

    private final Sealer cipher = mock(Sealer.class);
    private final SearchEngine engine = mock(SearchEngine.class);
    private final SearchPaging paging = new SearchPaging(engine, cipher, new ObjectMapper());
    private final SiteRequest site;

    SearchPagingTest() {
        PmsDatabase database = mock(PmsDatabase.class);
        when(database.haloGuid()).thenReturn(SITE);
        Admission admission = mock(Admission.class);
        when(admission.database()).thenReturn(database);
        when(admission.subscription()).thenReturn(new Subscription(SUBSCRIPTION, UUID.randomUUID(), "Acme", "demo", true,
                true));
        site = new SiteRequest(admission, new TestPms());
    }

    @Test
    void theNextLinkIsTheSearchSealedForTheSiteAndSubscription() {
        SearchState next = new SearchState("Patient", List.of(List.of("family", "sm")), 2, "5", 2);
        when(cipher.sealForUrl(anyString(), eq(BINDING))).thenAnswer(call -> "sealed:" + call.getArgument(0));
        String pageId = paging.seal(site, next);
        assertThat(pageId).startsWith("sealed:").contains("\"after\":\"5\"").contains("\"family\"");
        when(cipher.openFromUrl("id", BINDING)).thenReturn(pageId.substring("sealed:".length()));
        assertThat(paging.open(site, "id")).isEqualTo(next);
        verifyNoInteractions(engine);
    }

    @Test
    void theLastPageHasNoNextLink() {
        assertThat(paging.seal(site, null)).isNull();
        verifyNoInteractions(cipher);
    }

    @Test
    void anAlteredOrForeignLinkIsGone() {
        when(cipher.openFromUrl("altered", BINDING)).thenThrow(new IllegalStateException("tag mismatch"));
        assertThatThrownBy(() -> paging.open(site, "altered")).isInstanceOf(ResourceGoneException.class)
                .hasMessageContaining("This paging link is not valid for this site");
    }

    @Test
    void pageSizesAreTheSearchsOwn() {
        assertThat(paging.getDefaultPageSize()).isEqualTo(20);
        assertThat(paging.getMaximumPageSize()).isEqualTo(100);
    }
}
