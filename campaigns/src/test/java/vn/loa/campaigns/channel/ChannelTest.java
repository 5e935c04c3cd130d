package vn.loa.campaigns.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.connectors.Platform;

class ChannelTest {

    @Test
    void aChannelIsInTheCityZoneUnlessToldOtherwise() {
        var channel = Channel.from(
                null,
                new Channel.Details(
                        Platform.ZALO, " 4318 ", "Quận Hoàn Kiếm", ChannelRole.PARTNER, null, "UBND quận", null, null));
        assertThat(channel.zone()).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(channel.externalId()).isEqualTo("4318");
        assertThat(channel.active()).isTrue();
        assertThat(channel.followerCount()).isZero();
        assertThat(channel.maxInFlight()).isEqualTo(Channel.DEFAULT_MAX_IN_FLIGHT);
    }

    @Test
    void refusesAnUnknownZoneAndMissingFields() {
        assertThatThrownBy(() -> Channel.from(
                        null, new Channel.Details(null, "", "x", null, -1L, "o", "Hanoi/Nowhere", true, null, 0)))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly(
                                        "platform", "externalId", "role", "followerCount", "maxInFlight", "zone"));
    }
}
