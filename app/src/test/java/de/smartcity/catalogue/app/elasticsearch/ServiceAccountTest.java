package de.smartcity.catalogue.app.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceAccountTest {

    @Test
    void readsTheEffectiveUidFromProcStatus() {
        String status = "Name:\tjava\nUmask:\t0022\nUid:\t1000\t0\t0\t0\nGid:\t1000\t1000\t1000\t1000\n";

        assertThat(ServiceAccount.effectiveUid(status)).hasValue(0);
    }

    @Test
    void findsNoUidInTextWithoutAUidLine() {
        assertThat(ServiceAccount.effectiveUid("Name:\tjava\n")).isEmpty();
    }

    @Test
    void runsCommandsAsTheServiceAccountWithRunuser() {
        assertThat(ServiceAccount.wrap(List.of("/es/bin/elasticsearch")))
                .containsExactly("runuser", "-u", "catalogue-es", "--", "/es/bin/elasticsearch");
    }
}
