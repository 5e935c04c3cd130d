package vn.loa.campaigns.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotAllowed;
import vn.loa.campaigns.theme.Theme;
import vn.loa.campaigns.theme.ThemeRepository;

/** Watchlists over in-memory stores: who may keep them, and what a topic must have. */
class WatchlistsTest {

    static final Actor PLANNER = new Actor("planner", Set.of(Role.PLANNER), null);
    static final Actor LEADER = new Actor("leader", Set.of(Role.LEADERSHIP), null);

    private final Map<Long, Topic> stored = new HashMap<>();
    private final TopicRepository topics = new TopicRepository() {
        @Override
        public Topic insert(Topic t) {
            var withId = new Topic(
                    (long) stored.size() + 1,
                    t.name(),
                    t.kind(),
                    t.phrases(),
                    t.themeIds(),
                    t.active(),
                    t.createdBy(),
                    t.updatedAt());
            stored.put(withId.id(), withId);
            return withId;
        }

        @Override
        public void update(Topic t) {
            stored.put(t.id(), t);
        }

        @Override
        public Optional<Topic> find(long id) {
            return Optional.ofNullable(stored.get(id));
        }

        @Override
        public List<Topic> findAll(Long themeId, boolean activeOnly) {
            return new ArrayList<>(stored.values());
        }
    };
    private final ThemeRepository themes = new ThemeRepository() {
        @Override
        public Theme insert(Theme theme) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Theme> find(long id) {
            return id <= 2 ? Optional.of(new Theme(id, "t" + id, "Theme " + id)) : Optional.empty();
        }

        @Override
        public Optional<Theme> findByCode(String code) {
            return Optional.empty();
        }

        @Override
        public List<Theme> findAll() {
            return List.of();
        }
    };
    private final Watchlists watchlists =
            new Watchlists(topics, themes, Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC));

    @Test
    void aTopicSharedByTwoThemesIsOneTopicWithItsPhrasesOnce() {
        var topic = watchlists.addTopic(
                new TopicDraft(
                        " Tin giả vắc-xin ",
                        TopicKind.RUMOUR,
                        List.of("sai sự thật", "SAI SU THAT", " tin giả "),
                        List.of(1L, 2L)),
                PLANNER);
        assertThat(topic.name()).isEqualTo("Tin giả vắc-xin");
        assertThat(topic.phrases()).containsExactly("sai sự thật", "tin giả");
        assertThat(topic.themeIds()).containsExactlyInAnyOrder(1L, 2L);
        assertThat(watchlists.listTopics(null, LEADER)).hasSize(1);
    }

    @Test
    void emptyOrTooLongPhrasesAndUnknownThemesAreRefusedFieldByField() {
        var draft = new TopicDraft("", TopicKind.TOPIC, List.of("ok", " ", "?!", "x".repeat(121)), List.of(1L, 9L));
        assertThatThrownBy(() -> watchlists.addTopic(draft, PLANNER))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("name", "phrases[1]", "phrases[2]", "phrases[3]", "themeIds[1]"));
        assertThatThrownBy(() -> watchlists.addTopic(new TopicDraft("a", null, List.of(), List.of()), PLANNER))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("kind", "phrases", "themeIds"));
        assertThat(stored).isEmpty();
    }

    @Test
    void leadershipReadsButDoesNotEdit() {
        var draft = new TopicDraft("Ngập", TopicKind.TOPIC, List.of("ngập"), List.of(1L));
        assertThatThrownBy(() -> watchlists.addTopic(draft, LEADER)).isInstanceOf(NotAllowed.class);
        var topic = watchlists.addTopic(draft, PLANNER);
        assertThat(watchlists.getTopic(topic.id(), LEADER).name()).isEqualTo("Ngập");
        assertThat(watchlists.setActive(topic.id(), false, PLANNER).active()).isFalse();
    }
}
