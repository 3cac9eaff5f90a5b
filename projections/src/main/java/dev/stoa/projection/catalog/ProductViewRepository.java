package dev.stoa.projection.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductViewRepository extends JpaRepository<ProductEntity, String> {}
