package dev.stoa.command.learning;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The course defaults an instructor may leave out ({@code stoa.learning.*}). */
@Component
public class CourseSettings {
    private final int defaultPassingScore;

    public CourseSettings(@Value("${stoa.learning.default-passing-score:70}") int defaultPassingScore) {
        if (defaultPassingScore < 0 || defaultPassingScore > 100)
            throw new IllegalArgumentException("stoa.learning.default-passing-score must be 0-100, is " + defaultPassingScore);
        this.defaultPassingScore = defaultPassingScore;
    }

    public int defaultPassingScore() { return defaultPassingScore; }
}
