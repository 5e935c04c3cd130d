package vn.loa.app.web.imports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.loa.campaigns.access.Actor;
import vn.loa.campaigns.campaign.Campaign;
import vn.loa.campaigns.content.ContentDraft;
import vn.loa.campaigns.shared.DomainException;
import vn.loa.campaigns.shared.FieldProblem;
import vn.loa.campaigns.shared.InvalidInput;
import vn.loa.campaigns.workflow.ContentWriting;

/**
 * Turns the rows of a plan sheet into drafts through ContentWriting, the use case the composer and
 * the API use, so a row is refused for exactly what a form would be. Everything happens in one
 * transaction: a preview always rolls back, and an import commits only if every row was written.
 */
@Component
class BulkImport {

    /** One row: what it becomes, and what is wrong with it (nothing when it can be imported). */
    record Row(int line, ContentDraft draft, String campaign, List<FieldProblem> problems) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** The outcome of a run over every row. */
    record Result(List<Row> rows, int written) {

        public boolean ok() {
            return !rows.isEmpty() && rows.stream().allMatch(Row::ok);
        }

        public long bad() {
            return rows.stream().filter(r -> !r.ok()).count();
        }
    }

    private final ContentWriting writing;
    private final TransactionTemplate tx;

    BulkImport(ContentWriting writing, TransactionTemplate tx) {
        this.writing = writing;
        this.tx = tx;
    }

    /** Reads the sheet's rows as drafts; a campaign is named by its id or its exact name. */
    List<Row> parse(List<PlanSheet.Line> lines, List<Campaign> campaigns) {
        Map<String, Campaign> byName = campaigns.stream()
                .collect(Collectors.toMap(
                        c -> c.name().strip().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        var rows = new ArrayList<Row>();
        for (var line : lines) {
            var problems = new ArrayList<FieldProblem>();
            var named = line.cell(0);
            Long campaignId = null;
            if (named.isEmpty()) {
                problems.add(new FieldProblem("campaign", "is required"));
            } else if (named.matches("\\d+")) {
                campaignId = Long.parseLong(named);
            } else {
                var found = byName.get(named.toLowerCase(Locale.ROOT));
                if (found == null) {
                    problems.add(new FieldProblem("campaign", "no campaign has id " + named));
                } else {
                    campaignId = found.id();
                }
            }
            var draft = new ContentDraft(
                    campaignId,
                    line.cell(1),
                    blank(line.cell(2)),
                    blank(line.cell(3)),
                    split(line.cell(4), "[\\s|]+"),
                    split(line.cell(5), ","),
                    null,
                    yes(line.cell(6)));
            rows.add(new Row(line.number(), draft, named, problems));
        }
        return rows;
    }

    /** Every row through the use case, then rolled back: what an import would say, storing nothing. */
    Result preview(List<Row> rows, Actor actor) {
        return run(rows, actor, false);
    }

    /** Every row through the use case; stored only if all of them were accepted. */
    Result importAll(List<Row> rows, Actor actor) {
        return run(rows, actor, true);
    }

    private Result run(List<Row> rows, Actor actor, boolean keep) {
        return tx.execute(status -> {
            var checked = new ArrayList<Row>();
            int written = 0;
            for (var row : rows) {
                if (!row.ok()) {
                    checked.add(row);
                    continue;
                }
                try {
                    writing.writeContent(row.draft(), actor);
                    written++;
                    checked.add(row);
                } catch (InvalidInput e) {
                    checked.add(new Row(row.line(), row.draft(), row.campaign(), e.problems()));
                } catch (DomainException e) {
                    checked.add(new Row(
                            row.line(), row.draft(), row.campaign(), List.of(new FieldProblem("", e.getMessage()))));
                }
            }
            var result = new Result(checked, written);
            if (!keep || !result.ok()) {
                status.setRollbackOnly();
                return new Result(checked, 0);
            }
            return result;
        });
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static List<String> split(String s, String separators) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split(separators))
                .map(String::strip)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    private static Boolean yes(String s) {
        var v = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        return v.equals("yes") || v.equals("true") || v.equals("1") || v.equals("có") || v.equals("x");
    }
}
