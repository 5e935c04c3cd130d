package vn.loa.campaigns.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input refused before anything was stored, with one problem per bad field. */
public final class InvalidInput extends DomainException {

    private final List<FieldProblem> problems;

    public InvalidInput(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    @Override
    public String code() {
        return "invalid-input";
    }
}
