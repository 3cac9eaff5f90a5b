package dev.stoa.app.platform.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What every method of Stoa's own classes refers to, read once from the class files: the {@code ErrorCode}
 * constants it names, the methods it calls (lambdas included), the classes it instantiates, and the annotations
 * it carries. {@link ReachableProblemCodes} walks it (and an architecture test, the commands requests and processors send). Only {@code dev.stoa} classes are read: what the framework
 * raises is added by the HTTP layer's own rules.
 */
final class BytecodeIndex {
    static final String OWN = "dev/stoa/";
    static final String ERROR_CODE = "dev/stoa/api/platform/ErrorCode";

    record MethodKey(String owner, String name, String descriptor) {}

    /** One method's references; {@code messageType}: the first parameter's internal name (a handler's message). */
    record MethodFacts(Set<String> codes, Set<MethodKey> calls, Set<String> created, Set<String> annotations,
                       String messageType) {}

    record ClassFacts(String name, String superName, List<String> interfaces, boolean isInterface,
                      Map<String, MethodFacts> methods) {}

    private final Map<String, ClassFacts> classes = new HashMap<>();
    /** Per class or interface: the classes and interfaces that extend or implement it directly. */
    private final Map<String, Set<String>> subtypes = new HashMap<>();

    static BytecodeIndex load(ClassLoader loader) {
        BytecodeIndex index = new BytecodeIndex();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(loader).getResources("classpath*:dev/stoa/**/*.class")) {
                try (InputStream in = resource.getInputStream()) {
                    ClassFacts facts = read(new ClassReader(in));
                    index.classes.putIfAbsent(facts.name(), facts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ClassFacts type : index.classes.values()) {
            List<String> supertypes = new ArrayList<>(type.interfaces());
            if (type.superName() != null) supertypes.add(type.superName());
            supertypes.forEach(s -> index.subtypes.computeIfAbsent(s, k -> new HashSet<>()).add(type.name()));
        }
        return index;
    }

    Map<String, ClassFacts> classes() { return classes; }

    ClassFacts get(String name) { return classes.get(name); }

    /** What the method refers to, or null when the class or the method is not one of Stoa's. */
    MethodFacts facts(MethodKey method) {
        ClassFacts type = classes.get(method.owner());
        return type == null ? null : type.methods().get(method.name() + method.descriptor());
    }

    /** The method as declared (or inherited), and every override or implementation of it below. */
    List<MethodKey> implementations(MethodKey method) {
        List<MethodKey> found = new ArrayList<>();
        String declaring = method.owner();
        while (declaring != null && facts(new MethodKey(declaring, method.name(), method.descriptor())) == null) {
            ClassFacts type = classes.get(declaring);
            declaring = type == null ? null : type.superName();
        }
        if (declaring != null) found.add(new MethodKey(declaring, method.name(), method.descriptor()));
        if (!method.name().equals("<init>")) {
            Deque<String> below = new ArrayDeque<>(subtypes.getOrDefault(method.owner(), Set.of()));
            Set<String> visited = new HashSet<>();
            while (!below.isEmpty()) {
                String type = below.pop();
                if (!visited.add(type)) continue;
                MethodKey override = new MethodKey(type, method.name(), method.descriptor());
                if (facts(override) != null) found.add(override);
                below.addAll(subtypes.getOrDefault(type, Set.of()));
            }
        }
        return found;
    }

    /** Whether the class or interface is {@code type} or extends or implements it, directly or not. */
    boolean isA(String name, String type) {
        Deque<String> work = new ArrayDeque<>(List.of(name));
        Set<String> visited = new HashSet<>();
        while (!work.isEmpty()) {
            String next = work.pop();
            if (next.equals(type)) return true;
            ClassFacts facts = classes.get(next);
            if (!visited.add(next) || facts == null) continue;
            work.addAll(facts.interfaces());
            if (facts.superName() != null) work.add(facts.superName());
        }
        return false;
    }

    /** A method's key from its class and its name-and-descriptor, as {@link ClassFacts#methods()} holds them. */
    static MethodKey key(String owner, String signature) {
        int paren = signature.indexOf('(');
        return new MethodKey(owner, signature.substring(0, paren), signature.substring(paren));
    }

    private static ClassFacts read(ClassReader reader) {
        Map<String, MethodFacts> methods = new HashMap<>();
        String[] names = new String[2];
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                names[0] = name;
                names[1] = superName;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                Type[] parameters = Type.getArgumentTypes(descriptor);
                MethodFacts facts = new MethodFacts(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>(),
                        parameters.length == 0 || parameters[0].getSort() != Type.OBJECT ? null : parameters[0].getInternalName());
                methods.put(name + descriptor, facts);
                return new FactsOfMethod(facts);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFacts(names[0], names[1], List.of(reader.getInterfaces()),
                (reader.getAccess() & Opcodes.ACC_INTERFACE) != 0, methods);
    }

    /** Records one method's references as ASM walks its code. */
    private static final class FactsOfMethod extends MethodVisitor {
        private final MethodFacts facts;

        FactsOfMethod(MethodFacts facts) {
            super(Opcodes.ASM9);
            this.facts = facts;
        }

        @Override
        public org.springframework.asm.AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            facts.annotations().add(Type.getType(descriptor).getInternalName());
            return null;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && owner.equals(ERROR_CODE) && descriptor.equals("L" + ERROR_CODE + ";"))
                facts.codes().add(name);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.startsWith(OWN)) facts.calls().add(new MethodKey(owner, name, descriptor));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            if (opcode == Opcodes.NEW && type.startsWith(OWN)) facts.created().add(type);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments)
                if (argument instanceof Handle handle && handle.getOwner().startsWith(OWN))
                    facts.calls().add(new MethodKey(handle.getOwner(), handle.getName(), handle.getDesc()));
        }
    }
}
