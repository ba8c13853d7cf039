package cn.shanghai.residence.gateway.faq;

import java.util.List;

import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import cn.shanghai.residence.gateway.i18n.Text;
import cn.shanghai.residence.gateway.web.GatewayException;

/** Public FAQ query; served from memory, no upstream involved. */
@Controller
class FaqController {

    static final int MAX_KEYWORD_LENGTH = 50;

    private final FaqCatalog catalog;

    FaqController(FaqCatalog catalog) {
        this.catalog = catalog;
    }

    @QueryMapping
    List<Faq> faqs(@Argument @Nullable String keyword, DataFetchingEnvironment env) {
        if (keyword == null) {
            return catalog.search("", env.getLocale());
        }
        if (keyword.length() > MAX_KEYWORD_LENGTH) {
            throw GatewayException.badUserInput(Text.of("error.BAD_USER_INPUT.keyword", MAX_KEYWORD_LENGTH));
        }
        return catalog.search(keyword, env.getLocale());
    }
}
