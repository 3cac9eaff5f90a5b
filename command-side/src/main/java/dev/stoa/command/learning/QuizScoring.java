package dev.stoa.command.learning;

import dev.stoa.api.learning.QuizQuestion;
import dev.stoa.api.platform.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Scores quiz answers on the server: a question scores when the chosen indexes are exactly its correct ones. */
final class QuizScoring {
    private QuizScoring() {}

    static int correct(List<QuizQuestion> questions, List<List<Integer>> answers) {
        if (answers.size() != questions.size())
            throw DomainException.badInput("quizAnswers must answer each of the " + questions.size() + " questions, in order");
        int correct = 0;
        for (int i = 0; i < questions.size(); i++) {
            QuizQuestion q = questions.get(i);
            List<Integer> chosen = answers.get(i);
            if (chosen == null) throw DomainException.badInput("quizAnswers[" + i + "] is missing (send [] for no choice)");
            Set<Integer> set = new HashSet<>();
            for (Integer index : chosen) {
                if (index == null || index < 0 || index >= q.choices().size())
                    throw DomainException.badInput("quizAnswers[" + i + "] names a choice the question does not have");
                // as a quiz's author may not (quiz[i].correct): [0, 0] scored as [0] before 2026-12-07, sixth session
                // (walkthrough Z24)
                if (!set.add(index)) throw DomainException.badInput("quizAnswers[" + i + "] names a choice twice");
            }
            if (set.equals(q.correct())) correct++;
        }
        return correct;
    }

    /** Percent rounded down; a quiz without questions is passed. */
    static int percent(int correct, int questions) { return questions == 0 ? 100 : correct * 100 / questions; }
}
