package dev.stoa.projection.identity;

import org.springframework.data.jpa.repository.JpaRepository;

public interface UserViewRepository extends JpaRepository<UserEntity, String> {}
