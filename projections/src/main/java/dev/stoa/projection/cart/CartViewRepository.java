package dev.stoa.projection.cart;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CartViewRepository extends JpaRepository<CartEntity, String> {}
