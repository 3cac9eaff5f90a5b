package dev.stoa.app.platform.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Identity")
class JwksController {
    private final JwtKeys keys;

    JwksController(JwtKeys keys) { this.keys = keys; }

    @GetMapping(value = "/api/v1/auth/jwks", produces = "application/json")
    @Operation(operationId = "getJwks", summary = "The public keys that verify Stoa access tokens (JSON Web Key Set)")
    Map<String, Object> jwks() { return keys.publicJwks().toJSONObject(); }
}
