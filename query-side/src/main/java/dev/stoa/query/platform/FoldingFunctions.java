package dev.stoa.query.platform;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.type.StandardBasicTypes;

/**
 * PostgreSQL's {@code unaccent} (the extension of that name, migration V112) as a JPQL function returning text, so a
 * list's {@code q} can compare names without their accents ({@link JpqlList#containing}): {@code unaccent('Œuvre
 * Crème')} is {@code OEuvre Creme}. Registered through {@code META-INF/services}.
 */
public class FoldingFunctions implements FunctionContributor {
    @Override
    public void contributeFunctions(FunctionContributions functions) {
        functions.getFunctionRegistry().registerPattern("unaccent", "unaccent(?1)",
                functions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.STRING));
    }
}
