package dev.stoa.command.cart;

import dev.stoa.api.cart.*;
import dev.stoa.api.identity.UserId;
import dev.stoa.api.platform.Actor;
import dev.stoa.command.platform.web.Commands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/** The caller's own cart: it is addressed by the caller's token, never by an id the client sends. */
@RestController
@RequestMapping("/api/v1/cart")
@Tag(name = "Cart")
class CartCommandController {
    private final Commands commands;

    CartCommandController(Commands commands) { this.commands = commands; }

    @PostMapping("/items")
    @Operation(operationId = "addCartItem", summary = "Put an item into the caller's cart (or add to its quantity)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> add(@Valid @RequestBody CartRequests.AddItem body, Actor actor) {
        commands.send(new AddCartItem(user(actor), CartItemType.of(body.itemType()), body.itemId(), body.quantity()));
        return ResponseEntity.noContent().build();
    }

    @PatchMapping("/items/{itemId}")
    @Operation(operationId = "changeCartItemQuantity", summary = "Set the quantity of a line of the caller's cart")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> change(@PathVariable String itemId, @Valid @RequestBody CartRequests.ChangeQuantity body,
                                Actor actor) {
        commands.send(new ChangeCartItemQuantity(user(actor), itemId, body.quantity()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/items/{itemId}")
    @Operation(operationId = "removeCartItem", summary = "Take a line out of the caller's cart")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(@PathVariable String itemId, Actor actor) {
        commands.send(new RemoveCartItem(user(actor), itemId));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping
    @Operation(operationId = "clearCart", summary = "Empty the caller's cart (lines and coupon)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> clear(Actor actor) {
        commands.send(new ClearCart(user(actor)));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/coupon")
    @Operation(operationId = "applyCartCoupon", summary = "Apply a coupon code to the caller's cart")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> applyCoupon(@Valid @RequestBody CartRequests.Code body, Actor actor) {
        commands.send(new ApplyCoupon(user(actor), body.code()));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/coupon")
    @Operation(operationId = "removeCartCoupon", summary = "Take the coupon off the caller's cart")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> removeCoupon(Actor actor) {
        commands.send(new RemoveCoupon(user(actor)));
        return ResponseEntity.noContent().build();
    }

    private static UserId user(Actor actor) { return new UserId(actor.userId()); }
}
