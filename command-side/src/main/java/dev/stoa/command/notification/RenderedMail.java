package dev.stoa.command.notification;

/** A template rendered for one recipient; {@code html} is null for a text-only template. */
record RenderedMail(String subject, String text, String html) {}
