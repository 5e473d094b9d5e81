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
import org.halocloud.kernel.security.CredentialCipher;
import org.halocloud.kernel.state.PmsDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class SearchPagingTest {

    private static final UUID SITE = UUID.fromString("1e59a7d5-4d40-48d7-8ee4-6c3db3d814f0");

    private final CredentialCipher cipher = mock(CredentialCipher.class);
    private final SearchEngine engine = mock(SearchEngine.class);
    private final SearchPaging paging = new SearchPaging(engine, cipher, new ObjectMapper());
    private final SiteRequest site;

    SearchPagingTest() {
        PmsDatabase database = mock(PmsDatabase.class);
        when(database.haloGuid()).thenReturn(SITE);
        Admission admission = mock(Admission.class);
        when(admission.database()).thenReturn(database);
        site = new SiteRequest(admission, new TestPms());
    }

    @Test
    void theNextLinkIsTheSearchSealedForTheSite() {
        SearchState next = new SearchState("Patient", List.of(List.of("family", "sm")), 2, "5", 2);
        when(cipher.sealForUrl(anyString(), eq("fhir-search:" + SITE))).thenAnswer(call -> "sealed:" + call.getArgument(0));
        String pageId = paging.seal(site, next);
        assertThat(pageId).startsWith("sealed:").contains("\"after\":\"5\"").contains("\"family\"");
        when(cipher.openFromUrl("id", "fhir-search:" + SITE)).thenReturn(pageId.substring("sealed:".length()));
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
        when(cipher.openFromUrl("altered", "fhir-search:" + SITE)).thenThrow(new IllegalStateException("tag mismatch"));
        assertThatThrownBy(() -> paging.open(site, "altered")).isInstanceOf(ResourceGoneException.class)
                .hasMessageContaining("This paging link is not valid for this site");
    }

    @Test
    void pageSizesAreTheSearchsOwn() {
        assertThat(paging.getDefaultPageSize()).isEqualTo(20);
        assertThat(paging.getMaximumPageSize()).isEqualTo(100);
    }
}
