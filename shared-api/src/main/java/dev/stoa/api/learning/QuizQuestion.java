package dev.stoa.api.learning;

import java.util.List;
import java.util.Set;

/**
 * One question of a quiz: its prompt, its choices (shown in this order) and the indexes of the correct ones. The
 * correct indexes never leave the server towards students; an answer scores when it names exactly them.
 */
public record QuizQuestion(String prompt, List<String> choices, Set<Integer> correct) {
    public QuizQuestion {
        choices = choices == null ? List.of() : List.copyOf(choices);
        correct = correct == null ? Set.of() : Set.copyOf(correct);
    }
}
