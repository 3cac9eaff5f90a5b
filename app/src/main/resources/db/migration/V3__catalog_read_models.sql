-- Read models of the catalog, rebuilt from events by the category-read-model and product-read-model processors.
create table category_view (
    id          varchar(36)  primary key,
    name        varchar(100) not null,
    slug        varchar(120) not null,
    parent_id   varchar(36),
    description varchar(2000),
    sort_order  integer      not null default 0,
    created_at  timestamptz  not null
);
create index category_view_parent on category_view (parent_id);

create table product_view (
    id                     varchar(36)   primary key,
    vendor_id              varchar(36)   not null,
    sku                    varchar(64)   not null,
    slug                   varchar(120)  not null,
    name                   varchar(200)  not null,
    description            varchar(10000),
    price_cents            bigint        not null,
    compare_at_price_cents bigint,
    currency               varchar(3)    not null,
    category_id            varchar(36),
    brand                  varchar(100),
    weight_grams           integer,
    active                 boolean       not null,
    rating_average         double precision,
    rating_count           bigint        not null default 0,
    on_hand                integer       not null default 0,
    reserved               integer       not null default 0,
    available              integer       not null default 0,
    reorder_threshold      integer       not null default 0,
    warehouse_location     varchar(100),
    created_at             timestamptz   not null,
    updated_at             timestamptz   not null
);
create index product_view_category on product_view (category_id) where active;
create index product_view_vendor on product_view (vendor_id);
create index product_view_price on product_view (price_cents) where active;
create index product_view_brand on product_view (lower(brand)) where active;
create index product_view_created on product_view (created_at desc) where active;
