package dev.stoa.projection.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface ProductViewRepository extends JpaRepository<ProductEntity, String>, JpaSpecificationExecutor<ProductEntity> {}
