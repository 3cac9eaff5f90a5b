-- The product and course lists' q= compares text without its accents since 2026-12-07 (`unaccent(name)`: "oeuvre"
-- finds "Œuvre", "creme" "Crème"), as search does. unaccent ships with PostgreSQL's contrib modules (the embedded
-- binaries and the official image both have it) and is a trusted extension: a database owner may create it.
create extension if not exists unaccent;
