package cn.shanghai.residence.gateway.live;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.shanghai.residence.gateway.citizen.Reminder;
import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.police.Application;
import cn.shanghai.residence.gateway.police.Application.Status;
import cn.shanghai.residence.gateway.postal.Shipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What one replica writes into Redis another reads back equal, and stream entry ids as event ids. */
class SharedFormsTests {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));

    @Test
    void shouldTurnAStreamEntryIdIntoAnEventIdThatKeepsItsOrder() {
        assertThat(SharedForms.eventId("1764550800000-0")).isEqualTo(1_764_550_800_000_000L);
        assertThat(SharedForms.eventId("1764550800000-7")).isEqualTo(1_764_550_800_000_007L);
        assertThat(SharedForms.eventId("1764550800000-999")).isLessThan(SharedForms.eventId("1764550800001-0"));
    }

    @Test
    void shouldRefuseWhatIsNotAnEntryIdOrWouldShareAnId() {
        assertThatThrownBy(() -> SharedForms.eventId("1764550800000-1000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in one millisecond");
        assertThatThrownBy(() -> SharedForms.eventId("1764550800000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stream entry id");
        assertThatThrownBy(() -> SharedForms.eventId("-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a stream entry id");
    }

    @Test
    void shouldReadBackAnEventEqualWithItsOffsets() {
        Application application = application();
        LiveUpdate update = LiveUpdate.timeline(application, application.events().get(1)).numbered(42);

        LiveUpdate read = SharedForms.read(SharedForms.write(update), LiveUpdate.class);

        assertThat(read).isEqualTo(update);
        assertThat(read.at().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
    }

    @Test
    void shouldReadBackAnAnswerEqualSoTheNextPollerTellsNothingTwice() {
        Shipment parcel = new Shipment("EMS1", Shipment.Status.IN_TRANSIT, 1500, LocalDate.of(2026, 12, 3),
                List.of(new Shipment.Event(T0, "上海", "已揽收")));
        Watched watched = new Watched(List.of(new Watched.Tracked(application(), parcel)),
                List.of(new Reminder(Reminder.Kind.PERMIT_SHIPPED, LocalDate.of(2026, 12, 1),
                        Text.of("reminder.PERMIT_SHIPPED.tracked", LocalDate.of(2026, 11, 29), "EMS1"))));

        Watched read = SharedForms.read(SharedForms.write(watched), Watched.class);

        assertThat(read).isEqualTo(watched);
        assertThat(LiveRules.changes(read, watched, T0)).isEmpty();
    }

    private static Application application() {
        return new Application("APL-1", "ywtb-1001", Application.Kind.RESIDENCE_PERMIT_NEW, Status.UNDER_REVIEW, T0,
                T0.plusHours(2), new Application.Delivery(Application.DeliveryMethod.POSTAL, null, "EMS1"), null,
                List.of(new Application.Event(T0, Status.SUBMITTED, null),
                        new Application.Event(T0.plusHours(2), Status.UNDER_REVIEW, "受理")));
    }
}
