package vn.loa.app.template;

import static vn.loa.campaigns.access.Permissions.requireAny;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.access.Role;
import vn.loa.campaigns.cadence.Cadence;
import vn.loa.campaigns.cadence.CadenceRepository;
import vn.loa.campaigns.channel.Channel;
import vn.loa.campaigns.channel.ChannelRepository;
import vn.loa.campaigns.content.ContentVariant;
import vn.loa.campaigns.content.PostDrafts;
import vn.loa.campaigns.delivery.DeliveryFilter;
import vn.loa.campaigns.delivery.DeliveryRepository;
import vn.loa.campaigns.delivery.DeliveryStatus;
import vn.loa.campaigns.shared.AlreadyExists;
import vn.loa.campaigns.shared.Checks;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InstantRange;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.shared.NotFound;
import vn.loa.campaigns.shared.PageRequest;
import vn.loa.campaigns.theme.ThemeRepository;
import vn.loa.connectors.ConnectorRegistry;
import vn.loa.connectors.Platform;
import vn.loa.templates.library.PlatformText;
import vn.loa.templates.library.Programme;
import vn.loa.templates.library.Template;
import vn.loa.templates.library.TemplateCheck;
import vn.loa.templates.library.TemplateLibrary;
import vn.loa.templates.library.TemplateRenderer;

/**
 * The template library: the built-in templates and those staff add, per theme and per programme,
 * with a text per platform; previews filled with values and checked against each platform's limits;
 * programmes tied to cadences, with their coming slots and which of them nothing fills yet.
 */
@Service
@Transactional
public class Templates {

    public record TemplateView(
            String code,
            String name,
            String themeCode,
            Programme programme,
            String programmeTitle,
            boolean builtIn,
            Map<Platform, PlatformText> bodies,
            List<String> variables) {}

    /** What a planner types in to add or change a template. */
    public record Input(
            String code, String name, String themeCode, Programme programme, Map<Platform, PlatformText> bodies) {}

    /** Values for the variables ({@code district}, {@code date}, {@code link}…); the platforms to preview (all by default). */
    public record PreviewInput(Map<String, String> values, List<Platform> platforms) {}

    /**
     * One platform's text filled in: the values it needed and was not given, and what breaks the
     * platform's text limits (length of message, title, description).
     */
    public record PlatformPreview(
            Platform platform,
            PlatformText text,
            List<String> missingValues,
            List<FieldProblem> violations,
            boolean withinLimits) {}

    public record Preview(String code, Map<String, String> values, List<PlatformPreview> platforms) {}

    /** A coming slot of a cadence; {@code filled} when a delivery is scheduled on the channel at that instant. */
    public record Slot(OffsetDateTime at, boolean filled) {}

    public record CadenceSlots(
            long cadenceId,
            String name,
            long channelId,
            String channel,
            long campaignId,
            String templateCode,
            List<Slot> slots,
            long emptySlots) {}

    public record ProgrammeView(
            Programme programme,
            String title,
            List<TemplateView> templates,
            List<CadenceSlots> cadences,
            long emptySlots) {}

    /** Ties a cadence to a programme (null unties it) and, optionally, the template its items are written from. */
    public record Tie(Programme programme, String templateCode) {}

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Set<String> TEXT_FIELDS = Set.of("title", "body", "description");
    private static final int MAX_DAYS = 62;
    private static final ZoneId CITY = Channel.CITY_ZONE;

    private final TemplateStore store;
    private final ThemeRepository themes;
    private final CadenceRepository cadences;
    private final ChannelRepository channels;
    private final DeliveryRepository deliveries;
    private final ConnectorRegistry connectors;
    private final Clock clock;
    private final TemplateLibrary library = new TemplateLibrary();
    private final TemplateRenderer renderer = new TemplateRenderer();

    public Templates(
            TemplateStore store,
            ThemeRepository themes,
            CadenceRepository cadences,
            ChannelRepository channels,
            DeliveryRepository deliveries,
            ConnectorRegistry connectors,
            Clock clock) {
        this.store = store;
        this.themes = themes;
        this.cadences = cadences;
        this.channels = channels;
        this.deliveries = deliveries;
        this.connectors = connectors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<TemplateView> list(String themeCode, Programme programme) {
        var all = new ArrayList<TemplateView>();
        library.builtIn().forEach(t -> all.add(view(t, true)));
        store.list().forEach(t -> all.add(view(t, false)));
        return all.stream()
                .filter(t -> themeCode == null || themeCode.equals(t.themeCode()))
                .filter(t -> programme == null || programme == t.programme())
                .toList();
    }

    @Transactional(readOnly = true)
    public TemplateView get(String code) {
        return view(template(code), library.find(code).isPresent());
    }

    public TemplateView create(Input input, Actor actor) {
        requireAny(actor, "add templates", Role.PLANNER, Role.ADMIN);
        var t = check(input);
        if (library.find(t.code()).isPresent() || store.find(t.code()).isPresent()) {
            throw new AlreadyExists("template " + t.code());
        }
        store.insert(t, actor.username(), clock.instant());
        return view(t, false);
    }

    public TemplateView update(String code, Input input, Actor actor) {
        requireAny(actor, "change templates", Role.PLANNER, Role.ADMIN);
        if (library.find(code).isPresent()) {
            throw InvalidInput.of(
                    "code", "'" + code + "' is built in and cannot be changed: add a copy under a new code");
        }
        store.find(code).orElseThrow(() -> new NotFound("template", code));
        var t = check(new Input(code, input.name(), input.themeCode(), input.programme(), input.bodies()));
        store.update(t, clock.instant());
        return view(t, false);
    }

    /** Fills the template with the values given ({@code date} defaults to today in the city) and checks each platform's limits. */
    @Transactional(readOnly = true)
    public Preview preview(String code, PreviewInput input) {
        var t = template(code);
        var values = new HashMap<String, String>();
        if (input != null && input.values() != null) {
            var checks = new Checks();
            input.values()
                    .forEach((name, value) -> checks.that(
                            TemplateRenderer.VARIABLES.contains(name),
                            "values." + name,
                            "is not a variable; the variables are "
                                    + String.join(
                                            ", ",
                                            TemplateRenderer.VARIABLES.stream()
                                                    .sorted()
                                                    .toList())));
            checks.throwIfAny();
            values.putAll(input.values());
        }
        values.putIfAbsent("date", DATE.format(clock.instant().atZone(CITY)));
        var wanted =
                input == null || input.platforms() == null || input.platforms().isEmpty()
                        ? t.bodies().keySet()
                        : new LinkedHashSet<>(input.platforms());
        var missingPlatform =
                wanted.stream().filter(p -> !t.bodies().containsKey(p)).toList();
        if (!missingPlatform.isEmpty()) {
            throw InvalidInput.of(
                    "platforms",
                    "the template has no text for " + missingPlatform + "; it has "
                            + t.bodies().keySet());
        }
        var previews = new ArrayList<PlatformPreview>();
        for (var platform : wanted) {
            var rendered = renderer.render(t.bodies().get(platform), values);
            var text = rendered.text();
            var variant = new ContentVariant(
                    platform, text.title(), text.body(), text.description(), values.get("link"), null, null, null);
            var violations =
                    connectors.forPlatform(platform).validate(PostDrafts.toRequest(variant, null, null)).stream()
                            .filter(v -> TEXT_FIELDS.contains(v.field()))
                            .map(v -> new FieldProblem("bodies[" + platform + "]." + v.field(), v.message()))
                            .toList();
            previews.add(
                    new PlatformPreview(platform, text, rendered.missingValues(), violations, violations.isEmpty()));
        }
        return new Preview(t.code(), Map.copyOf(values), previews);
    }

    /** Ties a cadence to a programme, so the programme's coming slots, filled or empty, are shown with it. */
    public void tie(long cadenceId, Tie tie, Actor actor) {
        requireAny(actor, "tie programmes to cadences", Role.PLANNER, Role.ADMIN);
        cadences.find(cadenceId).orElseThrow(() -> new NotFound("cadence", cadenceId));
        if (tie == null || tie.programme() == null) {
            store.untie(cadenceId);
            return;
        }
        if (tie.templateCode() != null) {
            var t = library.find(tie.templateCode()).or(() -> store.find(tie.templateCode()));
            new Checks()
                    .that(t.isPresent(), "templateCode", "no template has code '" + tie.templateCode() + "'")
                    .throwIfAny();
        }
        store.tie(new TemplateStore.ProgrammeCadence(cadenceId, tie.programme(), tie.templateCode()));
    }

    /** Every programme with its templates and its cadences' slots over the coming {@code days} (14 by default). */
    @Transactional(readOnly = true)
    public List<ProgrammeView> programmes(Integer days) {
        int span = days == null ? 14 : days;
        if (span < 1 || span > MAX_DAYS) {
            throw InvalidInput.of("days", "must be between 1 and " + MAX_DAYS);
        }
        var now = clock.instant();
        var until = now.plus(Duration.ofDays(span));
        var ties = store.programmeCadences();
        var byCadence = cadences.findAll().stream().collect(Collectors.toMap(Cadence::id, c -> c));
        var channelById = channels
                .findAll(ties.stream()
                        .map(t -> byCadence.get(t.cadenceId()))
                        .filter(Objects::nonNull)
                        .map(Cadence::channelId)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Channel::id, c -> c));
        var templates = list(null, null);
        var slotsByProgramme = new EnumMap<Programme, List<CadenceSlots>>(Programme.class);
        for (var tie : ties) {
            var cadence = byCadence.get(tie.cadenceId());
            if (cadence == null || !cadence.active()) {
                continue;
            }
            var channel = channelById.get(cadence.channelId());
            if (channel == null || !channel.active()) {
                continue;
            }
            var taken = taken(cadence.channelId(), new InstantRange(now, until));
            var slots = new ArrayList<Slot>();
            var slot = cadence.nextSlot(now, channel.zone());
            for (int i = 0; i < 500 && slot.isBefore(until); i++) {
                slots.add(new Slot(slot.atZone(CITY).toOffsetDateTime(), taken.contains(slot)));
                slot = cadence.nextSlot(slot, channel.zone());
            }
            slotsByProgramme
                    .computeIfAbsent(tie.programme(), k -> new ArrayList<>())
                    .add(new CadenceSlots(
                            cadence.id(),
                            cadence.name(),
                            channel.id(),
                            channel.displayName(),
                            cadence.campaignId(),
                            tie.templateCode(),
                            slots,
                            slots.stream().filter(s -> !s.filled()).count()));
        }
        var result = new ArrayList<ProgrammeView>();
        for (var programme : Programme.values()) {
            var mine = slotsByProgramme.getOrDefault(programme, List.of());
            result.add(new ProgrammeView(
                    programme,
                    programme.title(),
                    templates.stream().filter(t -> t.programme() == programme).toList(),
                    mine,
                    mine.stream().mapToLong(CadenceSlots::emptySlots).sum()));
        }
        return result;
    }

    /** The instants at which the channel has a live delivery in the range. */
    private Set<Instant> taken(long channelId, InstantRange range) {
        var taken = new HashSet<Instant>();
        for (int page = 0; ; page++) {
            var found = deliveries.search(
                    new DeliveryFilter(null, null, channelId, null, null, range, null), PageRequest.of(page, 200));
            found.items().stream()
                    .filter(d -> d.status() != DeliveryStatus.CANCELLED)
                    .forEach(d -> taken.add(d.scheduledAt()));
            if (found.items().size() < 200) {
                return taken;
            }
        }
    }

    private Template template(String code) {
        return library.find(code).or(() -> store.find(code)).orElseThrow(() -> new NotFound("template", code));
    }

    private Template check(Input input) {
        var t = new Template(
                input.code() == null ? null : input.code().strip(),
                input.name() == null ? null : input.name().strip(),
                input.themeCode() == null || input.themeCode().isBlank()
                        ? null
                        : input.themeCode().strip(),
                input.programme(),
                input.bodies() == null ? Map.of() : withoutNulls(input.bodies()));
        var problems = new ArrayList<FieldProblem>();
        TemplateCheck.problems(t).forEach(p -> problems.add(new FieldProblem(p.field(), p.message())));
        if (t.themeCode() != null && themes.findByCode(t.themeCode()).isEmpty()) {
            problems.add(new FieldProblem(
                    "themeCode",
                    "no theme has code '" + t.themeCode() + "'; the themes are "
                            + themes.findAll().stream()
                                    .map(th -> th.code())
                                    .sorted(Comparator.naturalOrder())
                                    .toList()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        return t;
    }

    private static Map<Platform, PlatformText> withoutNulls(Map<Platform, PlatformText> bodies) {
        var copy = new EnumMap<Platform, PlatformText>(Platform.class);
        bodies.forEach((platform, text) -> {
            if (platform != null && text != null) {
                copy.put(platform, text);
            }
        });
        return copy;
    }

    private static TemplateView view(Template t, boolean builtIn) {
        var variables = new LinkedHashSet<String>();
        t.bodies().values().forEach(text -> {
            variables.addAll(TemplateRenderer.variablesOf(text.title()));
            variables.addAll(TemplateRenderer.variablesOf(text.body()));
            variables.addAll(TemplateRenderer.variablesOf(text.description()));
        });
        return new TemplateView(
                t.code(),
                t.name(),
                t.themeCode(),
                t.programme(),
                t.programme() == null ? null : t.programme().title(),
                builtIn,
                t.bodies(),
                List.copyOf(variables));
    }
}
