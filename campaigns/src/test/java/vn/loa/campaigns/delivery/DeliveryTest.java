package vn.loa.campaigns.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.shared.IllegalTransition;

class DeliveryTest {

    private final Instant at = Instant.parse("2026-11-24T00:00:00Z");
    private final Delivery scheduled =
            Delivery.schedule(1, 2, at, at.minusSeconds(3600)).withId(9);

    @Test
    void aPublishedDeliveryKeepsItsReferenceAndTime() {
        var published = scheduled.moveTo(DeliveryStatus.PUBLISHING, at).published("123_456", at.plusSeconds(2));
        assertThat(published.status()).isEqualTo(DeliveryStatus.PUBLISHED);
        assertThat(published.externalRef()).isEqualTo("123_456");
        assertThat(published.publishedAt()).isEqualTo(at.plusSeconds(2));
        assertThat(published.scheduledAt()).isEqualTo(at);
    }

    @Test
    void aDeliveryCannotBePublishedTwiceNorCancelledOnceOut() {
        var published = scheduled.moveTo(DeliveryStatus.PUBLISHING, at).published("1", at);
        assertThatThrownBy(() -> published.moveTo(DeliveryStatus.PUBLISHING, at))
                .isInstanceOf(IllegalTransition.class)
                .hasMessageContaining("already published");
        assertThatThrownBy(() -> published.moveTo(DeliveryStatus.CANCELLED, at)).isInstanceOf(IllegalTransition.class);
        assertThatThrownBy(() -> scheduled.published("1", at)).isInstanceOf(IllegalTransition.class);
    }

    @Test
    void heldIsPendingAndGoesBackToScheduled() {
        var held = scheduled.moveTo(DeliveryStatus.HELD, at);
        assertThat(held.status().isPending()).isTrue();
        assertThat(held.moveTo(DeliveryStatus.SCHEDULED, at).status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThatThrownBy(() -> held.moveTo(DeliveryStatus.PUBLISHING, at)).isInstanceOf(IllegalTransition.class);
    }
}
