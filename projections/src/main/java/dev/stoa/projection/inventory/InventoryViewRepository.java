package dev.stoa.projection.inventory;

import org.springframework.data.jpa.repository.JpaRepository;

public interface InventoryViewRepository extends JpaRepository<InventoryEntity, String> {}
