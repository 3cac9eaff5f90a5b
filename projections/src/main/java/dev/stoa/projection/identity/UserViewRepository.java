package dev.stoa.projection.identity;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

public interface UserViewRepository extends JpaRepository<UserEntity, String>, JpaSpecificationExecutor<UserEntity> {}
