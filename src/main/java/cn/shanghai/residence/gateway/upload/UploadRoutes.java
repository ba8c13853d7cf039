package cn.shanghai.residence.gateway.upload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.POST;

/**
 * The upload endpoints: plain POSTs whose body is the file itself, beside {@code /graphql} (see the README, Uploads,
 * for why not the GraphQL multipart convention).
 */
@Configuration(proxyBeanMethods = false)
class UploadRoutes {

    static final String PHOTOS = "/uploads/photos";
    static final String MATERIALS = "/uploads/materials";

    @Bean
    RouterFunction<ServerResponse> uploads(UploadDesk desk) {
        return RouterFunctions.route(POST(PHOTOS), desk::photo)
                .andRoute(POST(MATERIALS), desk::material);
    }
}
