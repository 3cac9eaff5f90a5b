-- Stock has its own aggregate (Inventory) and read model, built by the inventory-read-model processor from the
-- start of the log. product_view keeps details and rating only; product reads take available stock from here.
create table inventory_view (
    product_id         varchar(36)  primary key,
    vendor_id          varchar(36)  not null,
    on_hand            integer      not null,
    reserved           integer      not null,
    available          integer      not null,
    reorder_threshold  integer      not null default 0,
    warehouse_location varchar(100),
    updated_at         timestamptz  not null,
    constraint inventory_view_levels check (on_hand >= 0 and reserved >= 0 and available = on_hand - reserved)
);
create index inventory_view_vendor on inventory_view (vendor_id);

alter table product_view
    drop column on_hand,
    drop column reserved,
    drop column available,
    drop column reorder_threshold,
    drop column warehouse_location;
