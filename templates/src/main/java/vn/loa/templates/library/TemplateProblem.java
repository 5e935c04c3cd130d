package vn.loa.templates.library;

/** One thing wrong with a template, named by its field ({@code bodies[FACEBOOK].body}). */
public record TemplateProblem(String field, String message) {}
