package dev.stoa.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The embedded SMTP server's mailbox as a newcomer reads it, through GET /api/v1/dev/mailbox. */
public final class Mailbox {
    private final Api api;

    public Mailbox(Api api) { this.api = api; }

    /** Every mail to {@code to} so far. */
    public List<JsonNode> all(String to) {
        List<JsonNode> mails = new ArrayList<>();
        api.get("/api/v1/dev/mailbox?to=" + URLEncoder.encode(to, StandardCharsets.UTF_8)).body().forEach(mails::add);
        return mails;
    }

    /** Waits for the newest mail to {@code to} whose subject contains {@code subjectPart}. */
    public JsonNode await(String to, String subjectPart) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            List<JsonNode> mails = all(to);
            for (int j = mails.size() - 1; j >= 0; j--)
                if (mails.get(j).get("subject").asText().toLowerCase().contains(subjectPart.toLowerCase())) return mails.get(j);
            Thread.sleep(100);
        }
        throw new AssertionError("no mail '" + subjectPart + "' for " + to);
    }

    /** Group 1 of {@code regex} in the text of the newest such mail. */
    public String find(String to, String subjectPart, String regex) throws InterruptedException {
        JsonNode mail = await(to, subjectPart);
        Matcher m = Pattern.compile(regex).matcher(mail.get("text").asText());
        if (!m.find()) throw new AssertionError("no " + regex + " in " + mail);
        return m.group(1);
    }
}
