package dev.stoa.projection.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CategoryViewRepository extends JpaRepository<CategoryEntity, String> {}
