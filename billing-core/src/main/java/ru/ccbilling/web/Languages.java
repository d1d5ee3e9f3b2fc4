package ru.ccbilling.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import ru.ccbilling.refusal.Catalogue;

/** The reader's language from Accept-Language: Russian unless English is preferred over it; Russian when silent. */
@Configuration
class Languages {

    @Bean
    LocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setSupportedLocales(List.of(Catalogue.RUSSIAN, Locale.ENGLISH));
        resolver.setDefaultLocale(Catalogue.RUSSIAN);
        return resolver;
    }
}
