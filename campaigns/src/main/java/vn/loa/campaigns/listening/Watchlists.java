package vn.loa.campaigns.listening;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.ReadOnly;
import vn.loa.campaigns.theme.ThemeRepository;

/**
 * The watchlists of each theme: topics and rumours, kept by planners, approvers and
 * administrators; leadership reads them.
 */
public class Watchlists {

    private static final Role[] EDIT = {Role.PLANNER, Role.APPROVER, Role.ADMIN};
    private static final Role[] READ = {Role.PLANNER, Role.APPROVER, Role.ADMIN, Role.LEADERSHIP};

    private final TopicRepository topics;
    private final ThemeRepository themes;
    private final Clock clock;

    public Watchlists(TopicRepository topics, ThemeRepository themes, Clock clock) {
        this.topics = topics;
        this.themes = themes;
        this.clock = clock;
    }

    public Topic addTopic(TopicDraft draft, Actor actor) {
        requireAny(actor, "keep watchlists", EDIT);
        check(draft);
        return topics.insert(new Topic(
                null,
                draft.name().strip(),
                draft.kind(),
                phrases(draft),
                new LinkedHashSet<>(draft.themeIds()),
                true,
                actor.username(),
                clock.instant()));
    }

    public Topic changeTopic(long id, TopicDraft draft, Actor actor) {
        requireAny(actor, "keep watchlists", EDIT);
        var topic = getTopic(id, actor);
        check(draft);
        var changed = new Topic(
                topic.id(),
                draft.name().strip(),
                draft.kind(),
                phrases(draft),
                new LinkedHashSet<>(draft.themeIds()),
                topic.active(),
                topic.createdBy(),
                clock.instant());
        topics.update(changed);
        return changed;
    }

    /** Stops or resumes watching a topic; what it matched stays counted. */
    public Topic setActive(long id, boolean active, Actor actor) {
        requireAny(actor, "keep watchlists", EDIT);
        var t = getTopic(id, actor);
        var changed = new Topic(
                t.id(), t.name(), t.kind(), t.phrases(), t.themeIds(), active, t.createdBy(), clock.instant());
        topics.update(changed);
        return changed;
    }

    @ReadOnly
    public Topic getTopic(long id, Actor actor) {
        requireAny(actor, "see watchlists", READ);
        return topics.find(id).orElseThrow(() -> new NotFound("topic", id));
    }

    @ReadOnly
    public List<Topic> listTopics(Long themeId, Actor actor) {
        requireAny(actor, "see watchlists", READ);
        return topics.findAll(themeId, false);
    }

    private void check(TopicDraft draft) {
        var checks = new Checks();
        Topic.check(draft, checks);
        if (draft.themeIds() != null) {
            for (int i = 0; i < draft.themeIds().size(); i++) {
                var themeId = draft.themeIds().get(i);
                checks.that(
                        themeId != null && themes.find(themeId).isPresent(),
                        "themeIds[" + i + "]",
                        "no theme has id " + themeId);
            }
        }
        checks.throwIfAny();
    }

    /** The phrases as written (trimmed), each folded form once. */
    private static List<String> phrases(TopicDraft draft) {
        var seen = new LinkedHashSet<String>();
        return draft.phrases().stream()
                .map(String::strip)
                .filter(p -> seen.add(VietnameseFolding.fold(p)))
                .toList();
    }
}
