package vn.loa.campaigns.partner;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.shared.NotFound;

/**
 * What part of the partner network an actor sees: everything, or (for a partner admin) their own
 * organisation and those under it. Anything outside is answered as if it did not exist (404).
 */
public class PartnerScope {

    private final OrganisationRepository organisations;

    public PartnerScope(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    /** The organisation ids the actor may see; empty when they see all of them. */
    public Optional<Set<Long>> visibleTo(Actor actor) {
        if (!actor.isPartnerAdminOnly()) {
            return Optional.empty();
        }
        var own = actor.organisation() == null
                ? Optional.<Organisation>empty()
                : organisations.findByName(actor.organisation());
        return Optional.of(own.map(o ->
                        organisations.list(o).stream().map(Organisation::id).collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of()));
    }

    public boolean sees(Actor actor, long organisationId) {
        return visibleTo(actor).map(ids -> ids.contains(organisationId)).orElse(true);
    }

    /** Refuses, as not found, what lies outside the actor's part of the network. */
    public void require(Actor actor, long organisationId, String kind, Object id) {
        if (!sees(actor, organisationId)) {
            throw new NotFound(kind, id);
        }
    }
}
