package vn.loa.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import vn.loa.campaigns.amplify.ContentPacks;
import vn.loa.campaigns.plan.Plans;
import vn.loa.campaigns.shared.ReadOnly;

/**
 * The transaction rule of docs/architecture.md, checked on every use case of the domain: a method
 * that reads (get*, find*, list*, *History) is marked {@link ReadOnly}, and DomainConfig gives each
 * public use-case method exactly the transaction its mark says.
 */
class UseCaseTransactionsTest {

    private static final Pattern READS = Pattern.compile("(get|find|list)[A-Z].*|.*History");

    private static List<Class<?>> useCases;
    private final TransactionAttributeSource attributes = DomainConfig.useCaseTransactionAttributes();

    /** A use case is a domain class the app makes a bean of (an {@code @Bean} method returning it). */
    @BeforeAll
    static void findUseCases() {
        useCases = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.loa.app")) {
            for (var m : c.getMethods()) {
                var type = m.getRawReturnType();
                if (m.isAnnotatedWith(Bean.class)
                        && type.getPackageName().startsWith("vn.loa.campaigns")
                        && !type.isInterface()
                        && !type.isRecord()
                        && !useCases.contains(type.reflect())) {
                    useCases.add(type.reflect());
                }
            }
        }
    }

    @Test
    void everyReadingMethodIsMarkedReadOnly() {
        assertThat(useCases).contains(Plans.class, ContentPacks.class);
        var unmarked = publicMethods().stream()
                .filter(m -> READS.matcher(m.getName()).matches() && !m.isAnnotationPresent(ReadOnly.class))
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName())
                .toList();
        assertThat(unmarked)
                .as("reading use-case methods without @ReadOnly (they would get a read-write transaction)")
                .isEmpty();
    }

    @Test
    void eachMethodGetsTheTransactionItsMarkSays() {
        for (var m : publicMethods()) {
            var attribute = attributes.getTransactionAttribute(m, m.getDeclaringClass());
            assertThat(attribute).as(m.toString()).isNotNull();
            assertThat(attribute.isReadOnly()).as(m.toString()).isEqualTo(m.isAnnotationPresent(ReadOnly.class));
        }
    }

    @Test
    void aWriteAndARead() throws NoSuchMethodException {
        var create = Plans.class.getMethod("createPlan", Integer.class, String.class, String.class);
        var get = Plans.class.getMethod("getPlan", long.class);
        assertThat(attributes.getTransactionAttribute(create, Plans.class).isReadOnly())
                .isFalse();
        assertThat(attributes.getTransactionAttribute(get, Plans.class).isReadOnly())
                .isTrue();
    }

    private static List<Method> publicMethods() {
        return useCases.stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .toList();
    }
}
