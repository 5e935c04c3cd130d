package vn.loa.campaigns.shared;

/** What is wrong with one input field, worded for the person who filled it in. */
public record FieldProblem(String field, String message) {}
