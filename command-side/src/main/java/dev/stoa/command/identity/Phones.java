package dev.stoa.command.identity;

/** The one spelling of a phone number in requests: E.164, for validation annotations. */
final class Phones {
    static final String E164 = "\\+[1-9][0-9]{6,14}";
    static final String MESSAGE = "must be in E.164 form, e.g. +4915112345678";

    private Phones() {}
}
